import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertPublicUrl, isPublicAddress, safeFetch, UnsafeUrlError } from "./ssrf";

// Literal IPs must be judged without DNS; a lookup that explodes proves none happened.
const noDns = async (host: string): Promise<string[]> => {
  throw new Error(`unexpected DNS lookup for ${host}`);
};

async function reasonOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(UnsafeUrlError);
    return (err as UnsafeUrlError).reason;
  }
  throw new Error("expected UnsafeUrlError, got success");
}

describe("isPublicAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.255.254",
    "0.0.0.0",
    "0.1.2.3",
    "10.0.0.1",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.0.1",
    "100.64.0.1",
    "100.127.255.255",
    "169.254.169.254",
    "192.0.0.8",
    "192.0.2.1",
    "198.18.0.1",
    "198.51.100.7",
    "203.0.113.9",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "0:0:0:0:0:0:0:1",
    "fc00::1",
    "fd12:3456:789a::1",
    "fe80::1",
    "febf::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:a9fe:a9fe",
    "::ffff:10.1.2.3",
    "64:ff9b::127.0.0.1",
    "64:ff9b::a9fe:a9fe",
    "64:ff9b:1::808:808", // local-use NAT64 prefix: not global unicast
    "2002:7f00:1::", // 6to4 wrapping 127.0.0.1
    "2002:c0a8:101::1", // 6to4 wrapping 192.168.1.1
    "::127.0.0.1", // deprecated IPv4-compatible form
    "2001:db8::1",
    "2001::1", // Teredo
    "100::1", // discard-only
    "[::1]",
    "not-an-ip",
    "",
  ])("refuses %s", (addr) => {
    expect(isPublicAddress(addr)).toBe(false);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "172.15.255.255",
    "172.32.0.1",
    "100.63.255.255",
    "100.128.0.1",
    "169.253.255.255",
    "223.255.255.255",
    "2606:4700:4700::1111",
    "2a00:1450:4001:80b::200e",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ])("accepts %s", (addr) => {
    expect(isPublicAddress(addr)).toBe(true);
  });
});

describe("assertPublicUrl", () => {
  it.each([
    "http://127.0.0.1/",
    "http://127.0.0.1:8080/admin",
    "http://2130706433/", // decimal dword
    "http://0x7f000001/", // hex dword
    "http://0x7f.1/", // hex + short form
    "http://017700000001/", // octal dword
    "http://0177.0.0.1/", // octal octet
    "http://127.1/", // short form
    "http://127.0.0.1./", // trailing dot
    "http://①②⑦.0.0.1/", // full-width digits (IDNA maps them)
    "http://127。0。0。1/", // ideographic full stops
    "http://0/",
    "http://0.0.0.0/",
    "http://10.0.0.1/",
    "http://172.16.0.1/",
    "http://192.168.1.1/",
    "http://100.64.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://224.0.0.1/",
    "http://255.255.255.255/",
    "https://[::1]/",
    "http://[::]/",
    "http://[0:0:0:0:0:0:0:1]/",
    "http://[fc00::1]/",
    "http://[fe80::1]/",
    "http://[ff02::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://[64:ff9b::a9fe:a9fe]/",
    "http://[64:ff9b::10.0.0.1]/",
    "http://[2002:7f00:1::]/",
    "http://[::127.0.0.1]/",
  ])("refuses %s as a private address, without DNS", async (url) => {
    expect(await reasonOf(assertPublicUrl(url, { lookup: noDns }))).toBe("private_address");
  });

  it.each([
    "file:///etc/passwd",
    "data:image/png;base64,iVBORw0KGgo=",
    "ftp://example.com/a.png",
    "gopher://example.com:70/_x",
    "javascript:alert(1)",
    "ws://example.com/",
  ])("refuses scheme of %s", async (url) => {
    expect(await reasonOf(assertPublicUrl(url, { lookup: noDns }))).toBe("scheme");
  });

  it("refuses credentials in the URL", async () => {
    const reason = await reasonOf(assertPublicUrl("http://user:pw@8.8.8.8/", { lookup: noDns }));
    expect(reason).toBe("credentials");
  });

  it("refuses garbage", async () => {
    expect(await reasonOf(assertPublicUrl("not a url"))).toBe("invalid_url");
    expect(await reasonOf(assertPublicUrl("http://1.2.3.4.5/"))).toBe("invalid_url");
  });

  it("refuses a public-looking hostname that resolves to loopback", async () => {
    const lookup = async () => ["127.0.0.1"];
    const err = await assertPublicUrl("https://images.example.com/cat.png", { lookup }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UnsafeUrlError);
    expect((err as UnsafeUrlError).reason).toBe("private_address");
    expect((err as Error).message).toContain("127.0.0.1");
  });

  it("refuses when any one of several records is private", async () => {
    const lookup = async () => ["93.184.216.34", "::ffff:10.0.0.5"];
    expect(await reasonOf(assertPublicUrl("https://cdn.example.com/", { lookup }))).toBe(
      "private_address",
    );
  });

  it("refuses localhost through the real resolver", async () => {
    expect(await reasonOf(assertPublicUrl("http://localhost/"))).toBe("private_address");
  });

  it("maps resolver failure and empty answers to dns", async () => {
    const nx = async () => {
      throw Object.assign(new Error("ENOTFOUND"), { code: "ENOTFOUND" });
    };
    expect(await reasonOf(assertPublicUrl("https://nx.example.com/", { lookup: nx }))).toBe("dns");
    expect(
      await reasonOf(assertPublicUrl("https://e.example.com/", { lookup: async () => [] })),
    ).toBe("dns");
  });

  it("accepts public literals and public resolutions", async () => {
    await expect(assertPublicUrl("https://8.8.8.8/x", { lookup: noDns })).resolves.toBeUndefined();
    await expect(
      assertPublicUrl("https://[2606:4700:4700::1111]/", { lookup: noDns }),
    ).resolves.toBeUndefined();
    await expect(
      assertPublicUrl("https://cdn.example.com/a.png", { lookup: async () => ["93.184.216.34"] }),
    ).resolves.toBeUndefined();
  });

  it("enforces allowHosts when given", async () => {
    const lookup = async () => ["93.184.216.34"];
    const allowHosts = ["cdn.example.com", ".images.example.org"];
    await expect(
      assertPublicUrl("https://cdn.example.com/", { lookup, allowHosts }),
    ).resolves.toBeUndefined();
    await expect(
      assertPublicUrl("https://a.images.example.org/", { lookup, allowHosts }),
    ).resolves.toBeUndefined();
    expect(await reasonOf(assertPublicUrl("https://evil.com/", { lookup, allowHosts }))).toBe(
      "host_not_allowed",
    );
    expect(
      await reasonOf(
        assertPublicUrl("https://images.example.org.evil.com/", { lookup, allowHosts }),
      ),
    ).toBe("host_not_allowed");
  });
});

describe("safeFetch against a loopback server", () => {
  const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
  let server: http.Server;
  let port: number;
  const hanging = new Set<http.ServerResponse>();

  // Test-only: "allowed.test" (a reserved TLD that real DNS never answers) is mapped to the
  // loopback server and that single pairing is let through. Every other private target keeps
  // the production policy, which is what the redirect tests rely on.
  const lookups: string[] = [];
  const lookup = async (host: string) => {
    lookups.push(host);
    if (host === "allowed.test") return ["127.0.0.1"];
    if (host === "public.test") return ["93.184.216.34"];
    throw new Error("ENOTFOUND");
  };
  const dangerouslyAllowAddress = (addr: string, host: string) =>
    host === "allowed.test" && addr === "127.0.0.1";
  const base = () => `http://allowed.test:${port}`;
  const opts = () => ({ lookup, dangerouslyAllowAddress });

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const url = req.url ?? "/";
      if (url === "/ok") {
        res.writeHead(200, { "content-type": "image/png", "x-host": req.headers.host ?? "" });
        res.end(PNG);
      } else if (url === "/echo-headers") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(req.headers));
      } else if (url === "/redirect-relative") {
        res.writeHead(302, { location: "/ok" });
        res.end();
      } else if (url === "/redirect-metadata") {
        res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" });
        res.end();
      } else if (url === "/redirect-loopback-literal") {
        res.writeHead(307, { location: `http://127.0.0.1:${port}/ok` });
        res.end();
      } else if (url === "/redirect-mapped") {
        res.writeHead(301, { location: `http://[::ffff:127.0.0.1]:${port}/ok` });
        res.end();
      } else if (url === "/redirect-file") {
        res.writeHead(302, { location: "file:///etc/passwd" });
        res.end();
      } else if (url.startsWith("/chain")) {
        const n = Number(url.slice(6));
        res.writeHead(302, { location: n > 1 ? `/chain${n - 1}` : "/ok" });
        res.end();
      } else if (url.startsWith("/loop")) {
        const n = Number(url.slice(5) || "0");
        res.writeHead(302, { location: `/loop${n + 1}` });
        res.end();
      } else if (url === "/big-declared") {
        res.writeHead(200, { "content-type": "image/png", "content-length": String(50_000_000) });
        res.write(Buffer.alloc(1024));
        // Never finish: the client must give up on the header alone.
      } else if (url === "/big-chunked") {
        res.writeHead(200, { "content-type": "image/png" });
        const chunk = Buffer.alloc(64 * 1024, 1);
        let sent = 0;
        const pump = () => {
          while (sent < 4 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) {
              res.once("drain", pump);
              return;
            }
          }
          res.end();
        };
        res.on("error", () => {});
        pump();
      } else if (url === "/hang") {
        hanging.add(res);
      } else {
        res.writeHead(404);
        res.end("nope");
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it("fetches the happy path through the pinned address (real DNS never sees the host)", async () => {
    lookups.length = 0;
    const res = await safeFetch(`${base()}/ok`, { ...opts(), accept: "image/*" });
    expect(res.data.equals(PNG)).toBe(true);
    expect(res.contentType).toBe("image/png");
    expect(res.finalUrl).toBe(`${base()}/ok`);
    // One resolution per hop: the HTTP client reused our answer instead of asking DNS again.
    expect(lookups).toEqual(["allowed.test"]);
  });

  it("sends the original Host header, our Accept and identity encoding", async () => {
    const res = await safeFetch(`${base()}/echo-headers`, { ...opts(), accept: "image/png" });
    const headers = JSON.parse(res.data.toString("utf8"));
    expect(headers.host).toBe(`allowed.test:${port}`);
    expect(headers.accept).toBe("image/png");
    expect(headers["accept-encoding"]).toBe("identity");
  });

  it("without the test escape, the same loopback target is refused", async () => {
    expect(await reasonOf(safeFetch(`${base()}/ok`, { lookup }))).toBe("private_address");
    expect(await reasonOf(safeFetch(`http://127.0.0.1:${port}/ok`))).toBe("private_address");
  });

  it("follows a relative redirect on an allowed host and reports the final URL", async () => {
    const res = await safeFetch(`${base()}/redirect-relative`, opts());
    expect(res.data.equals(PNG)).toBe(true);
    expect(res.finalUrl).toBe(`${base()}/ok`);
  });

  it("refuses a redirect to the metadata address", async () => {
    const err = await safeFetch(`${base()}/redirect-metadata`, opts()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnsafeUrlError);
    expect((err as UnsafeUrlError).reason).toBe("private_address");
    expect((err as Error).message).toContain("169.254.169.254");
  });

  it("refuses a redirect to a loopback literal and to an IPv4-mapped loopback", async () => {
    expect(await reasonOf(safeFetch(`${base()}/redirect-loopback-literal`, opts()))).toBe(
      "private_address",
    );
    expect(await reasonOf(safeFetch(`${base()}/redirect-mapped`, opts()))).toBe("private_address");
  });

  it("refuses a redirect to a non-http scheme", async () => {
    expect(await reasonOf(safeFetch(`${base()}/redirect-file`, opts()))).toBe("scheme");
  });

  it("follows exactly maxRedirects hops", async () => {
    const res = await safeFetch(`${base()}/chain3`, opts());
    expect(res.finalUrl).toBe(`${base()}/ok`);
    expect(await reasonOf(safeFetch(`${base()}/chain4`, opts()))).toBe("too_many_redirects");
  });

  it("caps redirects", async () => {
    expect(await reasonOf(safeFetch(`${base()}/loop`, opts()))).toBe("too_many_redirects");
    // maxRedirects: 0 means the very first redirect is already one too many.
    expect(await reasonOf(safeFetch(`${base()}/loop`, { ...opts(), maxRedirects: 0 }))).toBe(
      "too_many_redirects",
    );
  });

  it("refuses an oversized Content-Length before reading the body", async () => {
    const started = Date.now();
    expect(
      await reasonOf(safeFetch(`${base()}/big-declared`, { ...opts(), maxBytes: 1_000_000 })),
    ).toBe("too_large");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("aborts a chunked body once it passes maxBytes", async () => {
    expect(
      await reasonOf(safeFetch(`${base()}/big-chunked`, { ...opts(), maxBytes: 1_000_000 })),
    ).toBe("too_large");
    // The same body is fine under a cap that fits it.
    const res = await safeFetch(`${base()}/big-chunked`, { ...opts(), maxBytes: 5_000_000 });
    expect(res.data.length).toBe(4 * 1024 * 1024);
  });

  it("times out a server that never answers", async () => {
    const started = Date.now();
    expect(await reasonOf(safeFetch(`${base()}/hang`, { ...opts(), timeoutMs: 300 }))).toBe(
      "timeout",
    );
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("times out a resolver that never answers", async () => {
    const slow = () => new Promise<string[]>(() => {});
    expect(
      await reasonOf(safeFetch("https://slow.example.com/", { lookup: slow, timeoutMs: 200 })),
    ).toBe("timeout");
  });

  it("reports non-2xx answers with their status", async () => {
    const err = await safeFetch(`${base()}/missing`, opts()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnsafeUrlError);
    expect((err as UnsafeUrlError).reason).toBe("http_status");
    expect((err as UnsafeUrlError).status).toBe(404);
  });

  it("refuses a blocked URL before any connection", async () => {
    expect(await reasonOf(safeFetch("file:///etc/passwd"))).toBe("scheme");
    expect(await reasonOf(safeFetch("http://0x7f.1/", { lookup: noDns }))).toBe("private_address");
  });
});
