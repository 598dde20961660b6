/* half.c - see half.h. Bit-level, so results do not depend on the compiler's _Float16. */
#include "half.h"

#include <string.h>

static uint32_t bits_of(float f)
{
	uint32_t u;
	memcpy(&u, &f, 4);
	return u;
}

static float float_of(uint32_t u)
{
	float f;
	memcpy(&f, &u, 4);
	return f;
}

float half_to_float(uint16_t h)
{
	uint32_t sign = (uint32_t)(h & 0x8000) << 16;
	uint32_t exp = (h >> 10) & 0x1f;
	uint32_t man = h & 0x3ff;
	if (exp == 0x1f) /* inf / nan */
		return float_of(sign | 0x7f800000 | (man << 13));
	if (exp == 0) {
		if (man == 0)
			return float_of(sign);
		/* subnormal: value = man * 2^-24 */
		float v = (float)man * (1.0f / 16777216.0f);
		return sign ? -v : v;
	}
	return float_of(sign | ((exp + 112) << 23) | (man << 13));
}

uint16_t float_to_half(float f)
{
	uint32_t u = bits_of(f);
	uint32_t sign = (u >> 16) & 0x8000;
	uint32_t abs = u & 0x7fffffff;
	if (abs >= 0x7f800000) /* inf or nan: keep nan quiet and non-zero */
		return (uint16_t)(sign | 0x7c00 | (abs > 0x7f800000 ? 0x200 | ((abs >> 13) & 0x3ff) : 0));
	if (abs >= 0x477ff000) /* rounds to >= 65520: overflow to inf */
		return (uint16_t)(sign | 0x7c00);
	if (abs < 0x38800000) { /* below the smallest normal half: subnormal or zero */
		/* add 0.5 (as a float) to shift the mantissa into place with RNE */
		float v = float_of(abs) + 0.5f;
		return (uint16_t)(sign | (bits_of(v) - 0x3f000000));
	}
	uint32_t mant_odd = (abs >> 13) & 1;
	abs += 0xc8000fff + mant_odd; /* rebias exponent (-112 << 23) and round to nearest even */
	return (uint16_t)(sign | (abs >> 13));
}

float bf16_to_float(uint16_t b) { return float_of((uint32_t)b << 16); }

uint16_t float_to_bf16(float f)
{
	uint32_t u = bits_of(f);
	if ((u & 0x7fffffff) > 0x7f800000) /* nan: keep it a nan */
		return (uint16_t)((u >> 16) | 0x40);
	u += 0x7fff + ((u >> 16) & 1);
	return (uint16_t)(u >> 16);
}
