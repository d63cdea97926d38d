/* SPDX-License-Identifier: GPL-2.0 */
int ksz_weak_before(int x);
int ksz_weak_hook(int x);
