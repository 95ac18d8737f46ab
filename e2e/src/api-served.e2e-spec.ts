import { server } from './support/browser';

describe('the production server', () => {
  it('serves the API and the OpenAPI document beside the app', async () => {
    const { baseUrl } = server();
    const ready = await fetch(`${baseUrl}/api/health/ready`);
    expect(ready.status).toBe(200);
    const docs = await fetch(`${baseUrl}/api/docs`);
    expect(docs.status).toBe(200);
  });

  it('caches hashed assets for a year and index.html never', async () => {
    const { baseUrl } = server();
    const index = await fetch(`${baseUrl}/`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const script = /src="(main-[A-Z0-9]{8}\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${baseUrl}/${script ?? ''}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
