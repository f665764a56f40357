import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import puppeteer, { Browser } from 'puppeteer';
import { PuppeteerPdfRenderer } from './pdf-renderer.puppeteer';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('PuppeteerPdfRenderer', () => {
  let renderer: PuppeteerPdfRenderer;
  let launches: Promise<Browser>[];

  beforeEach(() => {
    launches = [];
    const launch = puppeteer.launch.bind(puppeteer);
    jest.spyOn(puppeteer, 'launch').mockImplementation((options) => {
      const launched = launch(options);
      launches.push(launched);
      return launched;
    });
    renderer = new PuppeteerPdfRenderer({ executablePath });
  });
  afterEach(async () => {
    await renderer.close();
    jest.restoreAllMocks();
  });

  it('renders HTML to a PDF', async () => {
    const pdf = await renderer.render('<!doctype html><title>t</title><h1>Justificante</h1>');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('launches one browser for concurrent renders and reuses it afterwards', async () => {
    await Promise.all([1, 2, 3, 4].map((n) => renderer.render(`<p>${n}</p>`)));
    await renderer.render('<p>5</p>');
    expect(launches).toHaveLength(1);
  });

  it('launches a new browser on the next render after the old one crashed', async () => {
    await renderer.render('<p>before</p>');
    const crashed = await launches[0]!;
    const gone = new Promise((resolve) => crashed.once('disconnected', resolve));
    crashed.process()?.kill('SIGKILL');
    await gone;

    const pdf = await renderer.render('<p>after</p>');

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(launches).toHaveLength(2);
  });

  describe('fetches nothing from the network', () => {
    let server: Server;
    const requested: string[] = [];

    beforeAll(async () => {
      server = createServer((req, res) => {
        requested.push(req.url ?? '');
        res.end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('blocks images, styles and frames from a server but keeps data: URLs', async () => {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const html = `<!doctype html>
        <link rel="stylesheet" href="${origin}/style.css">
        <img src="${origin}/pixel.png"><iframe src="${origin}/frame"></iframe>
        <img src="${PIXEL}">`;

      const pdf = await renderer.render(html);

      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(requested).toEqual([]);
    });
  });
});
