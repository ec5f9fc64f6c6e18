/* primes N: prints the primes up to N (a sieve of Eratosthenes) and how many there are. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 100;
    if (n < 2) { printf("no primes up to %ld\n", n); return 0; }
    char *composite = calloc((size_t)n + 1, 1);
    if (!composite) { perror("calloc"); return 1; }
    long count = 0;
    for (long i = 2; i <= n; i++) {
        if (composite[i]) continue;
        printf("%s%ld", count ? " " : "", i);
        count++;
        for (long j = i * i; j <= n; j += i) composite[j] = 1;
    }
    printf("\n%ld primes up to %ld\n", count, n);
    free(composite);
    return 0;
}
