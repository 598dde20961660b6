// 15 distinct kernels for: subgroup 32 (arithmetic), f16 storage yes, f16 math yes, int8 storage yes, 48 KiB shared, 1024 invocations

// ==== kernel code 0, used by kernels 0
#version 450
// placeholder kernel (emitters not merged): embedding act=f16 weight=f16 width=2560 k=0 m=65536 group=0 t_max=16 epi=0 res=0 n_ew=0 mix=0/0/0 region=0/0
layout(local_size_x = 1) in;
layout(set = 0, binding = 0) buffer B0 { float b0[]; };
layout(set = 0, binding = 1) buffer B1 { float b1[]; };
layout(set = 0, binding = 2) buffer B2 { float b2[]; };
layout(push_constant) uniform P { uint T; uint row0; uint rows; uint pad; } pc;
void main() {}

// ==== kernel code 1, used by kernels 1 417
#version 450
// placeholder kernel (emitters not merged): layer_norm act=f16 weight=f16 width=2560 k=0 m=0 group=2560 t_max=16 epi=0 res=0 n_ew=0 mix=0/0/0 region=0/0
layout(local_size_x = 1) in;
layout(set = 0, binding = 0) buffer B0 { float b0[]; };
layout(set = 0, binding = 1) buffer B1 { float b1[]; };
layout(set = 0, binding = 2) buffer B2 { float b2[]; };
layout(set = 0, binding = 3) buffer B3 { float b3[]; };
layout(push_constant) uniform P { uint T; uint row0; uint rows; uint pad; } pc;
void main() {}

// ==== kernel code 2, used by kernels 2 14 27 40 53 66 79 92 105 118 131 144 157 170 183 196 209 222 235 248 261 274 287 300 313 326 339 352 365 378 391 404
#version 450
// placeholder kernel (emitters not merged): mix act=f16 weight=f16 width=2560 k=0 m=0 group=0 t_max=16 epi=0 res=0 n_ew=0 mix=1/6/1 region=0/0
layout(local_size_x = 1) in;
layout(set = 0, binding = 0) buffer B0 { float b0[]; };
layout(set = 0, binding = 1) buffer B1 { float b1[]; };
layout(set = 0, binding = 2) buffer B2 { float b2[]; };
layout(set = 0, binding = 3) buffer B3 { float b3[]; };
layout(set = 0, binding = 4) buffer B4 { float b4[]; };
layout(set = 0, binding = 5) buffer B5 { float b5[]; };
layout(set = 0, binding = 6) buffer B6 { float b6[]; };
layout(set = 0, binding = 7) buffer B7 { float b7[]; };
layout(set = 0, binding = 8) buffer B8 { float b8[]; };
layout(set = 0, binding = 9) buffer B9 { float b9[]; };
layout(set = 0, binding = 10) buffer B10 { float b10[]; };
layout(set = 0, binding = 11) buffer B11 { float b11[]; };
layout(set = 0, binding = 12) buffer B12 { float b12[]; };
layout(set = 0, binding = 13) buffer B13 { float b13[]; };
layout(set = 0, binding = 14) buffer B14 { float b14[]; };
layout(set = 0, binding = 15) buffer B15 { float b15[]; };
layout(set = 0, binding = 16) buffer B16 { float b16[]; };
layout(push_constant) uniform P { uint T; uint row0; uint rows; uint pad; } pc;
void main() {}

// ==== kernel code 3, used by kernels 3 4 5 15 16 17 28 29 30 41 42 43 54 55 56 67 68 69 80 81 82 93 94 95 106 107 108 119 120 121 132 133 134 145 146 147 158 159 160 171 172 173 184 185 186 197 198 199 210 211 212 223 224 225 236 237 238 249 250 251 262 263 264 275 276 277 288 289 290 301 302 303 314 315 316 327 328 329 340 341 342 353 354 355 366 367 368 379 380 381 392 393 394 405 406 407
#version 450
// placeholder kernel (emitters not merged): matvec act=f16 weight=f16 width=0 k=2560 m=2560 group=0 t_max=16 epi=0 res=0 n_ew=0 mix=0/0/0 region=0/0
layout(local_size_x = 1) in;
layout(set = 0, binding = 0) buffer B0 { float b0[]; };
layout(set = 0, binding = 1) buffer B1 { float b1[]; };
layout(set = 0, binding = 2) buffer B2 { float b2[]; };
layout(push_constant) uniform P { uint T; uint row0; uint rows; uint pad; } pc;
void main() {}

// ==== kernel code 4, used by kernels 6 18 31 44 57 70 83 96 109 122 135 148 161 174 187 200 213 226 239 252 265 278 291 304 317 330 343 356 369 382 395 408
#version 450
// placeholder kernel (emitters not merged): matvec act=f16 weight=f16 width=0 k=2560 m=96 group=0 t_max=16 epi=1 res=0 n_ew=0 mix=0/0/0 region=0/0
layout(local_size_x = 1) in;
layout(set = 0, binding = 0) buffer B0 { float b0[]; };
layout(set = 0, binding = 1) buffer B1 { float b1[]; };
layout(set = 0, binding = 2) buffer B2 { float b2[]; };
layout(push_constant) uniform P { uint T; uint row0; uint rows; uint pad; } pc;
void main() {}

// ==== kernel code 5, used by kernels 7 19 32 45 58 71 84 97 110 123 136 149 162 175 188 201 214 227 240 253 266 279 292 305 318 331 344 357 370 383 396 409
#version 450
// placeholder kernel (emitters not merged): matvec act=f16 weight=f16 width=0 k=2560 m=96 group=0 t_max=16 epi=0 res=0 n_ew=0 mix=0/0/0 region=0/0
layout(local_size_x = 1) in;
layout(set = 0, binding = 0) buffer B0 { float b0[]; };
layout(set = 0, binding = 1) buffer B1 { float b1[]; };
layout(set = 0, binding = 2) buffer B2 { float b2[]; };
layout(push_constant) uniform P { uint T; uint row0; uint rows; uint pad; } pc;
void main() {}

// ==== kernel code 6, used by kernels 8 20 33 46 59 72 85 98 111 124 137 150 163 176 189 202 215 228 241 254 267 280 293 306 319 332 345 358 371 384 397 410
#version 450
// placeholder kernel (emitters not merged): matvec act=f16 weight=f16 width=0 k=2560 m=320 group=0 t_max=16 epi=2 res=0 n_ew=0 mix=0/0/0 region=0/0
layout(local_size_x = 1) in;
layout(set = 0, binding = 0) buffer B0 { float b0[]; };
layout(set = 0, binding = 1) buffer B1 { float b1[]; };
layout(set = 0, binding = 2) buffer B2 { float b2[]; };
layout(push_constant) uniform P { uint T; uint row0; uint rows; uint pad; } pc;
void main() {}

// ==== kernel code 7, used by kernels 9
#version 450
// placeholder kernel (emitters not merged): head_region act=f16 weight=f16 width=2560 k=0 m=0 group=64 t_max=16 epi=0 res=0 n_ew=0 mix=0/0/0 region=35/17
layout(local_size_x = 1) in;
layout(set = 0, binding = 0) buffer B0 { float b0[]; };
layout(set = 0, binding = 1) buffer B1 { float b1[]; };
layout(set = 0, binding = 2) buffer B2 { float b2[]; };
layout(set = 0, binding = 3) buffer B3 { float b3[]; };
layout(set = 0, binding = 4) buffer B4 { float b4[]; };
layout(set = 0, binding = 5) buffer B5 { float b5[]; };
layout(set = 0, binding = 6) buffer B6 { float b6[]; };
layout(set = 0, binding = 7) buffer B7 { float b7[]; };
layout(set = 0, binding = 8) buffer B8 { float b8[]; };
layout(set = 0, binding = 9) buffer B9 { float b9[]; };
layout(set = 0, binding = 10) buffer B10 { float b10[]; };
layout(set = 0, binding = 11) buffer B11 { float b11[]; };
layout(set = 0, binding = 12) buffer B12 { float b12[]; };
layout(set = 0, binding = 13) buffer B13 { float b13[]; };
layout(set = 0, binding = 14) buffer B14 { float b14[]; };
layout(set = 0, binding = 15) buffer B15 { float b15[]; };
layout(set = 0, binding = 16) buffer B16 { float b16[]; };
layout(set = 0, binding = 17) buffer B17 { float b17[]; };
layout(push_constant) uniform P { uint T; uint row0; uint rows; uint pad; } pc;
void main() {}

// ==== kernel code 8, used by kernels 10 23 36 49 62 75 88 101 114 127 140 153 166 179 192 205 218 231 244 257 270 283 296 309 322 335 348 361 374 387 400 413
#version 450
// placeholder kernel (emitters not merged): matvec act=f16 weight=f16 width=0 k=2560 m=2560 group=0 t_max=16 epi=0 res=1 n_ew=0 mix=0/0/0 region=0/0
layout(local_size_x = 1) in;
layout(set = 0, binding = 0) buffer B0 { float b0[]; };
layout(set = 0, binding = 1) buffer B1 { float b1[]; };
layout(set = 0, binding = 2) buffer B2 { float b2[]; };
layout(set = 0, binding = 3) buffer B3 { float b3[]; };
layout(push_constant) uniform P { uint T; uint row0; uint rows; uint pad; } pc;
void main() {}

// ==== kernel code 9, used by kernels 11 24 37 50 63 76 89 102 115 128 141 154 167 180 193 206 219 232 245 258 271 284 297 310 323 336 349 362 375 388 401 414
#version 450
// placeholder kernel (emitters not merged): mix act=f16 weight=f16 width=2560 k=0 m=0 group=0 t_max=16 epi=0 res=0 n_ew=0 mix=1/1/1 region=0/0
layout(local_size_x = 1) in;
layout(set = 0, binding = 0) buffer B0 { float b0[]; };
layout(set = 0, binding = 1) buffer B1 { float b1[]; };
layout(set = 0, binding = 2) buffer B2 { float b2[]; };
layout(set = 0, binding = 3) buffer B3 { float b3[]; };
layout(set = 0, binding = 4) buffer B4 { float b4[]; };
layout(set = 0, binding = 5) buffer B5 { float b5[]; };
layout(set = 0, binding = 6) buffer B6 { float b6[]; };
layout(push_constant) uniform P { uint T; uint row0; uint rows; uint pad; } pc;
void main() {}

// ==== kernel code 10, used by kernels 12 25 38 51 64 77 90 103 116 129 142 155 168 181 194 207 220 233 246 259 272 285 298 311 324 337 350 363 376 389 402 415
#version 450
// placeholder kernel (emitters not merged): matvec act=f16 weight=f16 width=0 k=2560 m=10240 group=0 t_max=16 epi=3 res=0 n_ew=0 mix=0/0/0 region=0/0
layout(local_size_x = 1) in;
layout(set = 0, binding = 0) buffer B0 { float b0[]; };
layout(set = 0, binding = 1) buffer B1 { float b1[]; };
layout(set = 0, binding = 2) buffer B2 { float b2[]; };
layout(push_constant) uniform P { uint T; uint row0; uint rows; uint pad; } pc;
void main() {}

// ==== kernel code 11, used by kernels 13 26 39 52 65 78 91 104 117 130 143 156 169 182 195 208 221 234 247 260 273 286 299 312 325 338 351 364 377 390 403 416
#version 450
// placeholder kernel (emitters not merged): matvec act=f16 weight=f16 width=0 k=10240 m=2560 group=0 t_max=16 epi=0 res=1 n_ew=0 mix=0/0/0 region=0/0
layout(local_size_x = 1) in;
layout(set = 0, binding = 0) buffer B0 { float b0[]; };
layout(set = 0, binding = 1) buffer B1 { float b1[]; };
layout(set = 0, binding = 2) buffer B2 { float b2[]; };
layout(set = 0, binding = 3) buffer B3 { float b3[]; };
layout(push_constant) uniform P { uint T; uint row0; uint rows; uint pad; } pc;
void main() {}

// ==== kernel code 12, used by kernels 21 34 47 60 73 86 99 112 125 138 151 164 177 190 203 216 229 242 255 268 281 294 307 320 333 346 359 372 385 398 411
#version 450
// placeholder kernel (emitters not merged): matvec act=f16 weight=f16 width=0 k=2560 m=64 group=0 t_max=16 epi=0 res=0 n_ew=0 mix=0/0/0 region=0/0
layout(local_size_x = 1) in;
layout(set = 0, binding = 0) buffer B0 { float b0[]; };
layout(set = 0, binding = 1) buffer B1 { float b1[]; };
layout(set = 0, binding = 2) buffer B2 { float b2[]; };
layout(push_constant) uniform P { uint T; uint row0; uint rows; uint pad; } pc;
void main() {}

// ==== kernel code 13, used by kernels 22 35 48 61 74 87 100 113 126 139 152 165 178 191 204 217 230 243 256 269 282 295 308 321 334 347 360 373 386 399 412
#version 450
// placeholder kernel (emitters not merged): head_region act=f16 weight=f16 width=2560 k=0 m=0 group=64 t_max=16 epi=0 res=0 n_ew=0 mix=0/0/0 region=42/20
layout(local_size_x = 1) in;
layout(set = 0, binding = 0) buffer B0 { float b0[]; };
layout(set = 0, binding = 1) buffer B1 { float b1[]; };
layout(set = 0, binding = 2) buffer B2 { float b2[]; };
layout(set = 0, binding = 3) buffer B3 { float b3[]; };
layout(set = 0, binding = 4) buffer B4 { float b4[]; };
layout(set = 0, binding = 5) buffer B5 { float b5[]; };
layout(set = 0, binding = 6) buffer B6 { float b6[]; };
layout(set = 0, binding = 7) buffer B7 { float b7[]; };
layout(set = 0, binding = 8) buffer B8 { float b8[]; };
layout(set = 0, binding = 9) buffer B9 { float b9[]; };
layout(set = 0, binding = 10) buffer B10 { float b10[]; };
layout(set = 0, binding = 11) buffer B11 { float b11[]; };
layout(set = 0, binding = 12) buffer B12 { float b12[]; };
layout(set = 0, binding = 13) buffer B13 { float b13[]; };
layout(set = 0, binding = 14) buffer B14 { float b14[]; };
layout(set = 0, binding = 15) buffer B15 { float b15[]; };
layout(set = 0, binding = 16) buffer B16 { float b16[]; };
layout(set = 0, binding = 17) buffer B17 { float b17[]; };
layout(set = 0, binding = 18) buffer B18 { float b18[]; };
layout(set = 0, binding = 19) buffer B19 { float b19[]; };
layout(set = 0, binding = 20) buffer B20 { float b20[]; };
layout(set = 0, binding = 21) buffer B21 { float b21[]; };
layout(push_constant) uniform P { uint T; uint row0; uint rows; uint pad; } pc;
void main() {}

// ==== kernel code 14, used by kernels 418
#version 450
// placeholder kernel (emitters not merged): matvec act=f16 weight=f16 width=0 k=2560 m=65536 group=0 t_max=16 epi=0 res=0 n_ew=0 mix=0/0/0 region=0/0
layout(local_size_x = 1) in;
layout(set = 0, binding = 0) buffer B0 { float b0[]; };
layout(set = 0, binding = 1) buffer B1 { float b1[]; };
layout(set = 0, binding = 2) buffer B2 { float b2[]; };
layout(push_constant) uniform P { uint T; uint row0; uint rows; uint pad; } pc;
void main() {}
