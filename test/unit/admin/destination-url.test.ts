import { describe, expect, it } from "vitest";
import { destinationUrlProblem } from "../../../src/admin/destination-url";

describe("destinationUrlProblem", () => {
  it.each([
    "https://hooks.example.com/in",
    "http://example.com:8080/path?x=1",
    "https://[2606:4700::1111]/",
    "https://8.8.8.8/",
  ])("accepts public %s", (url) => {
    expect(destinationUrlProblem(url, false)).toBeNull();
  });

  it.each([
    ["http://127.0.0.1:9000/", "loopback"],
    ["http://localhost/", "loopback"],
    ["http://api.localhost/", "loopback"],
    ["http://10.1.2.3/", "private"],
    ["http://172.20.0.1/", "private"],
    ["http://192.168.1.1/", "private"],
    ["http://169.254.169.254/latest/meta-data", "metadata"],
    ["http://metadata.google.internal/", "metadata"],
    ["http://100.64.0.1/", "carrier NAT"],
    ["http://0.0.0.0/", "unspecified"],
    ["http://[::1]/", "IPv6 loopback"],
    ["http://[fd00::1]/", "IPv6 unique-local"],
    ["http://[fe80::1]/", "IPv6 link-local"],
    ["http://[::ffff:127.0.0.1]/", "IPv4-mapped loopback"],
    ["http://2130706433/", "decimal-encoded 127.0.0.1"],
    ["http://0x7f.1/", "hex-encoded 127.0.0.1"],
  ])("refuses %s (%s) unless private destinations are allowed", (url) => {
    expect(destinationUrlProblem(url, false)).toMatch(/loopback, private/);
    expect(destinationUrlProblem(url, true)).toBeNull();
  });

  it.each([
    ["ftp://example.com/", "must use http or https"],
    ["javascript:alert(1)", "must use http or https"],
    ["not a url", "not a valid absolute URL"],
    ["https://user:pass@example.com/", "credentials in the URL are not allowed; use the destination's auth"],
  ])("refuses %s", (url, message) => {
    expect(destinationUrlProblem(url, true)).toBe(message);
  });
});
