#ifndef RPN_STACK_H
#define RPN_STACK_H

#include <stddef.h>

#define RPN_STACK_MAX 64

typedef struct {
    double items[RPN_STACK_MAX];
    size_t size;
} rpn_stack;

int rpn_push(rpn_stack *s, double v);
int rpn_pop(rpn_stack *s, double *v);

#endif
