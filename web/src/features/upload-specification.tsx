// Uploading a description three ways: a file, a URL the server fetches, or pasted text.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import type { Specification } from '../api/types.js';
import { messageOf } from '../components/states.js';
import { navigate } from '../router.js';

type Source = 'file' | 'url' | 'paste';

export function UploadSpecification() {
  const client = useQueryClient();
  const [source, setSource] = useState<Source>('file');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [content, setContent] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async () => {
      const named = name.trim() === '' ? {} : { name: name.trim() };
      if (source === 'file') {
        if (!file) throw new Error('Choose a file first.');
        const form = new FormData();
        if (named.name) form.append('name', named.name);
        form.append('file', file);
        return api<Specification>('/api/v1/specifications', { method: 'POST', form });
      }
      return api<Specification>('/api/v1/specifications', { method: 'POST', body: source === 'url' ? { ...named, url } : { ...named, content } });
    },
    onSuccess: async (spec) => {
      await client.invalidateQueries({ queryKey: ['specifications'] });
      navigate(`/specifications/${spec.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    upload.mutate();
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="upload-title">
      <h2 id="upload-title">Upload a description</h2>
      <fieldset className="segmented">
        <legend>Source</legend>
        {(['file', 'url', 'paste'] as const).map((option) => (
          <label key={option}>
            <input type="radio" name="source" value={option} checked={source === option} onChange={() => setSource(option)} />
            {option === 'file' ? 'File' : option === 'url' ? 'URL' : 'Paste'}
          </label>
        ))}
      </fieldset>
      <label>
        Name (optional: an existing name gets a new version)
        <input value={name} onChange={(event) => setName(event.target.value)} maxLength={200} />
      </label>
      {source === 'file' && (
        <label>
          Description file (JSON or YAML)
          <input type="file" accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml" onChange={(event) => setFile(event.target.files?.[0] ?? null)} required />
        </label>
      )}
      {source === 'url' && (
        <label>
          URL
          <input type="url" required placeholder="https://api.example.com/openapi.json" value={url} onChange={(event) => setUrl(event.target.value)} />
        </label>
      )}
      {source === 'paste' && (
        <label>
          Description (JSON or YAML)
          <textarea required rows={10} value={content} onChange={(event) => setContent(event.target.value)} spellCheck={false} />
        </label>
      )}
      {upload.error && (
        <p className="error-text" role="alert">
          {messageOf(upload.error)}
        </p>
      )}
      <button type="submit" className="primary" disabled={upload.isPending}>
        {upload.isPending ? 'Uploading…' : 'Upload'}
      </button>
    </form>
  );
}
