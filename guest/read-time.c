/*
 * read-time FILE ROUNDS: read FILE to its end ROUNDS times and print
 * "KSZB read FILE bytes=N median_us=X min_us=Y" (for /proc/kallsyms*).
 * A missing file prints "KSZB read FILE missing".
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static int cmp(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	static char buf[1 << 16];
	int rounds = argc > 2 ? atoi(argv[2]) : 5, r;
	long *us, bytes = 0;

	if (argc < 2 || rounds < 1) {
		fprintf(stderr, "usage: read-time FILE [ROUNDS]\n");
		return 2;
	}
	us = calloc(rounds, sizeof(*us));
	if (!us)
		return 1;
	for (r = 0; r < rounds; r++) {
		struct timespec t0, t1;
		ssize_t n;
		int fd = open(argv[1], O_RDONLY);

		if (fd < 0) {
			printf("KSZB read %s missing\n", argv[1]);
			return 0;
		}
		bytes = 0;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		while ((n = read(fd, buf, sizeof(buf))) > 0)
			bytes += n;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		close(fd);
		us[r] = (t1.tv_sec - t0.tv_sec) * 1000000L +
			(t1.tv_nsec - t0.tv_nsec) / 1000;
	}
	qsort(us, rounds, sizeof(*us), cmp);
	printf("KSZB read %s bytes=%ld median_us=%ld min_us=%ld\n", argv[1],
	       bytes, us[rounds / 2], us[0]);
	return 0;
}
