/* file.c - see file.h. */
#define _POSIX_C_SOURCE 200809L
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"

enum rwkvc_status file_map_open(struct err *e, const char *path, struct file_map *out_map)
{
	memset(out_map, 0, sizeof *out_map);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return err_set(e, RWKVC_STATUS_IO, "%s: cannot open: %s", path, strerror(errno));
	struct stat st;
	if (fstat(fd, &st) != 0) {
		err_set(e, RWKVC_STATUS_IO, "%s: cannot stat: %s", path, strerror(errno));
		close(fd);
		return e->status;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return err_set(e, RWKVC_STATUS_IO, "%s: not a regular file", path);
	}
	if (st.st_size == 0) {
		close(fd);
		uint8_t *p = mem_alloc(e, 1, path);
		if (!p)
			return e->status;
		out_map->data = p;
		return RWKVC_STATUS_OK;
	}
	void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return err_set(e, RWKVC_STATUS_IO, "%s: cannot map: %s", path, strerror(errno));
	out_map->data = p;
	out_map->size = (size_t)st.st_size;
	out_map->mapped = 1;
	return RWKVC_STATUS_OK;
}

void file_map_close(struct file_map *m)
{
	if (!m->data)
		return;
	if (m->mapped)
		munmap((void *)m->data, m->size);
	else
		mem_free((void *)m->data);
	memset(m, 0, sizeof *m);
}

enum rwkvc_status file_read_all(struct err *e, const char *path, char **out_data,
				size_t *out_size)
{
	*out_data = NULL;
	FILE *f = fopen(path, "rb");
	if (!f)
		return err_set(e, RWKVC_STATUS_IO, "%s: cannot open: %s", path, strerror(errno));
	char *buf = NULL;
	size_t cap = 0, n = 0;
	for (;;) {
		if (mem_grow(e, (void **)&buf, &cap, n + 65536 + 1, 1, path)) {
			mem_free(buf);
			fclose(f);
			return e->status;
		}
		size_t got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (got == 0)
			break;
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		mem_free(buf);
		return err_set(e, RWKVC_STATUS_IO, "%s: read error", path);
	}
	buf[n] = '\0';
	*out_data = buf;
	if (out_size)
		*out_size = n;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status file_writer_open(struct err *e, const char *path, struct file_writer *out_w)
{
	memset(out_w, 0, sizeof *out_w);
	size_t n = strlen(path) + 32;
	out_w->path = mem_strdup(e, path, "file name");
	out_w->tmp_path = mem_alloc(e, n, "file name");
	if (!out_w->path || !out_w->tmp_path) {
		file_writer_abort(out_w);
		return e->status;
	}
	snprintf(out_w->tmp_path, n, "%s.tmp.%ld", path, (long)getpid());
	out_w->fp = fopen(out_w->tmp_path, "wb");
	if (!out_w->fp) {
		err_set(e, RWKVC_STATUS_IO, "%s: cannot create: %s", path, strerror(errno));
		file_writer_abort(out_w);
		return e->status;
	}
	return RWKVC_STATUS_OK;
}

enum rwkvc_status file_writer_write(struct err *e, struct file_writer *w, const void *data,
				    size_t size)
{
	if (size && fwrite(data, 1, size, w->fp) != size)
		return err_set(e, RWKVC_STATUS_IO, "%s: write failed: %s", w->path,
			       strerror(errno));
	w->written += size;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status file_writer_commit(struct err *e, struct file_writer *w)
{
	FILE *f = w->fp;
	w->fp = NULL;
	int bad = fflush(f) != 0;
	bad |= fclose(f) != 0;
	if (bad) {
		err_set(e, RWKVC_STATUS_IO, "%s: write failed: %s", w->path, strerror(errno));
		file_writer_abort(w);
		return e->status;
	}
	if (rename(w->tmp_path, w->path) != 0) {
		err_set(e, RWKVC_STATUS_IO, "%s: cannot rename into place: %s", w->path,
			strerror(errno));
		file_writer_abort(w);
		return e->status;
	}
	mem_free(w->tmp_path);
	mem_free(w->path);
	w->tmp_path = w->path = NULL;
	return RWKVC_STATUS_OK;
}

void file_writer_abort(struct file_writer *w)
{
	if (w->fp)
		fclose(w->fp);
	if (w->tmp_path)
		remove(w->tmp_path);
	mem_free(w->tmp_path);
	mem_free(w->path);
	memset(w, 0, sizeof *w);
}

enum rwkvc_status file_write_all(struct err *e, const char *path, const void *data, size_t size)
{
	struct file_writer w;
	TRY(file_writer_open(e, path, &w));
	if (file_writer_write(e, &w, data, size)) {
		file_writer_abort(&w);
		return e->status;
	}
	return file_writer_commit(e, &w);
}
