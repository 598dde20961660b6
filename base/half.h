/* half.h - IEEE binary16 and bfloat16 conversions (round to nearest even). */
#ifndef RWKVC_BASE_HALF_H
#define RWKVC_BASE_HALF_H

#include <stdint.h>

float half_to_float(uint16_t h);
uint16_t float_to_half(float f);
float bf16_to_float(uint16_t b);
uint16_t float_to_bf16(float f);

#endif
