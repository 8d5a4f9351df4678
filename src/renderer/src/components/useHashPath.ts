import { useEffect, useState } from 'react';

function read(): string[] {
  return location.hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part));
}

/** The address's hash as path segments (#/stock/products/42 → ['stock','products','42']), kept current. */
export function useHashPath(): string[] {
  const [path, setPath] = useState(read);
  useEffect(() => {
    const follow = () => setPath(read());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return path;
}

export function go(...segments: string[]): void {
  location.hash = `#/${segments.map(encodeURIComponent).join('/')}`;
}
