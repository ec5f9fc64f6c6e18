/* rpn: a reverse Polish notation calculator. Each argument is a number or one of + - * / ^. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stack.h"

static int apply(rpn_stack *s, char op) {
    double a, b;
    if (rpn_pop(s, &b) || rpn_pop(s, &a)) return -1;
    switch (op) {
    case '+': return rpn_push(s, a + b);
    case '-': return rpn_push(s, a - b);
    case '*': return rpn_push(s, a * b);
    case '/': return rpn_push(s, a / b);
    case '^': return rpn_push(s, pow(a, b));
    }
    return -1;
}

int main(int argc, char **argv) {
    rpn_stack s = {.size = 0};
    for (int i = 1; i < argc; i++) {
        const char *tok = argv[i];
        if (strlen(tok) == 1 && strchr("+-*/^", tok[0])) {
            if (apply(&s, tok[0])) { fprintf(stderr, "rpn: stack underflow at '%s'\n", tok); return 1; }
        } else {
            char *end;
            double v = strtod(tok, &end);
            if (*end != '\0') { fprintf(stderr, "rpn: not a number: '%s'\n", tok); return 1; }
            if (rpn_push(&s, v)) { fprintf(stderr, "rpn: stack full\n"); return 1; }
        }
    }
    double result;
    if (s.size != 1 || rpn_pop(&s, &result)) { fprintf(stderr, "rpn: expected one result\n"); return 1; }
    printf("%g\n", result);
    return 0;
}
