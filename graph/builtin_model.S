/* The default model graph, models/rwkv7.yaml, embedded so that rwkvc works
 * without the source tree. graph/builtin.c exposes it as a string. */
	.section .rodata
	.global rwkvc_builtin_rwkv7_yaml
	.global rwkvc_builtin_rwkv7_yaml_end
	.balign 16
rwkvc_builtin_rwkv7_yaml:
	.incbin "models/rwkv7.yaml"
rwkvc_builtin_rwkv7_yaml_end:
	.byte 0
	.section .note.GNU-stack,"",@progbits
