#include "stack.h"

int rpn_push(rpn_stack *s, double v) {
    if (s->size == RPN_STACK_MAX) return -1;
    s->items[s->size++] = v;
    return 0;
}

int rpn_pop(rpn_stack *s, double *v) {
    if (s->size == 0) return -1;
    *v = s->items[--s->size];
    return 0;
}
