// SPDX-License-Identifier: GPL-2.0
/*
 * kprobe-try NAME SPEC: try to create the kprobe event "p:ksz/NAME SPEC"
 * through tracefs, print whether the kernel accepted it, and remove it.
 * Output, one line: "KSZ kprobe NAME SPEC accepted|rejected errno=N".
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define EVENTS "/sys/kernel/tracing/kprobe_events"

static int write_events(const char *cmd)
{
	int fd = open(EVENTS, O_WRONLY | O_APPEND);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, cmd, strlen(cmd));
	n = n < 0 ? -errno : 0;
	close(fd);
	return n;
}

int main(int argc, char **argv)
{
	char cmd[512];
	int err;

	if (argc != 3) {
		fprintf(stderr, "usage: kprobe-try NAME SPEC\n");
		return 2;
	}
	snprintf(cmd, sizeof(cmd), "p:ksz/%s %s\n", argv[1], argv[2]);
	err = write_events(cmd);
	if (!err) {
		printf("KSZ kprobe %s %s accepted\n", argv[1], argv[2]);
		snprintf(cmd, sizeof(cmd), "-:ksz/%s\n", argv[1]);
		write_events(cmd);
	} else {
		printf("KSZ kprobe %s %s rejected errno=%d\n", argv[1], argv[2],
		       -err);
	}
	return 0;
}
