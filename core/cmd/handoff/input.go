package main

import (
	"os"
	"path/filepath"
	"sort"

	"handoff/core/errs"
	"handoff/core/source"
)

// loadPayload reads PATH: one file, or a directory of one ticket's files
// (sub-directories and hidden files are ignored; unknown files are left to
// the adapters, which ignore what they do not know).
func loadPayload(path, src string) (source.Payload, error) {
	p := source.Payload{Source: src}
	info, err := os.Stat(path)
	if err != nil {
		return p, errs.New(errs.IO, path, "%v", unwrapPathError(err))
	}
	if !info.IsDir() {
		f, err := readFile(path)
		if err != nil {
			return p, err
		}
		p.Files = []source.File{f}
		return p, nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return p, errs.New(errs.IO, path, "%v", unwrapPathError(err))
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		if e.IsDir() || e.Name()[0] == '.' {
			continue
		}
		f, err := readFile(filepath.Join(path, e.Name()))
		if err != nil {
			return p, err
		}
		p.Files = append(p.Files, f)
	}
	if len(p.Files) == 0 {
		return p, errs.New(errs.Empty, path, "directory holds no files")
	}
	return p, nil
}

func readFile(path string) (source.File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return source.File{}, errs.New(errs.IO, path, "%v", unwrapPathError(err))
	}
	if info.Size() > source.MaxInputBytes {
		return source.File{}, errs.New(errs.TooLarge, filepath.Base(path), "file is %d MB; the limit is %d MB", info.Size()>>20, source.MaxInputBytes>>20)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return source.File{}, errs.New(errs.IO, path, "%v", unwrapPathError(err))
	}
	return source.File{Name: filepath.Base(path), Body: b}, nil
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
