/*
 * file.h - whole-file reads, read-only mappings and atomic writes.
 *
 * Writes go to "<path>.tmp.<pid>" and are renamed over the target only once
 * complete, so an interrupted or failed write never leaves a half file.
 */
#ifndef RWKVC_BASE_FILE_H
#define RWKVC_BASE_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* A read-only view of a whole file (mmap, or a heap copy for empty files). */
struct file_map {
	const uint8_t *data;
	size_t size;
	int mapped; /* 1: munmap on close; 0: free */
};

enum rwkvc_status file_map_open(struct err *e, const char *path, struct file_map *out_map);
void file_map_close(struct file_map *m);

/* Reads a whole file into a NUL-terminated heap buffer (caller frees with mem_free). */
enum rwkvc_status file_read_all(struct err *e, const char *path, char **out_data,
				size_t *out_size);

/* Atomic write: a streaming writer that commits with file_writer_commit. */
struct file_writer {
	void *fp; /* FILE * */
	char *path, *tmp_path;
	uint64_t written;
};

enum rwkvc_status file_writer_open(struct err *e, const char *path, struct file_writer *out_w);
enum rwkvc_status file_writer_write(struct err *e, struct file_writer *w, const void *data,
				    size_t size);
/* Flushes, closes and renames into place. Always releases `w`. */
enum rwkvc_status file_writer_commit(struct err *e, struct file_writer *w);
/* Throws away an unfinished write (removes the temporary file). Safe after commit. */
void file_writer_abort(struct file_writer *w);

/* Writes `size` bytes to `path` atomically. */
enum rwkvc_status file_write_all(struct err *e, const char *path, const void *data, size_t size);

#endif
