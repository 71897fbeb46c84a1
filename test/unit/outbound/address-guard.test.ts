import { describe, expect, it } from "vitest";
import { METADATA_PROBLEM, outboundUrlProblem, PRIVATE_PROBLEM } from "../../../src/outbound/address-guard";

describe("outboundUrlProblem", () => {
  it.each([
    "https://hooks.example.com/in",
    "http://example.com:8080/path?x=1",
    "https://[2606:4700::1111]/",
    "https://8.8.8.8/",
    "https://[::ffff:8.8.8.8]/",
    "https://[64:ff9b::808:808]/",
    "https://localhost.example.com/",
  ])("accepts public %s", (url) => {
    expect(outboundUrlProblem(url, false)).toBeNull();
  });

  it.each([
    ["http://127.0.0.1:9000/", "loopback"],
    ["http://localhost/", "loopback"],
    ["http://localhost./", "loopback, fully qualified"],
    ["http://LOCALHOST../", "loopback, two trailing dots"],
    ["http://api.localhost./", "loopback subdomain, fully qualified"],
    ["http://api.localhost/", "loopback"],
    ["http://10.1.2.3/", "private"],
    ["http://172.20.0.1/", "private"],
    ["http://192.168.1.1/", "private"],
    ["http://100.64.0.1/", "carrier NAT"],
    ["http://0.0.0.0/", "unspecified"],
    ["http://224.0.0.1/", "multicast"],
    ["http://[::1]/", "IPv6 loopback"],
    ["http://[::]/", "IPv6 unspecified"],
    ["http://[fd00::1]/", "IPv6 unique-local"],
    ["http://[::ffff:127.0.0.1]/", "IPv4-mapped loopback"],
    ["http://[::ffff:7f00:1]/", "IPv4-mapped loopback in hex"],
    ["http://[::7f00:1]/", "IPv4-compatible loopback"],
    ["http://[::127.0.0.1]/", "IPv4-compatible loopback, dotted"],
    ["http://[::ffff:0:a00:1]/", "SIIT 10.0.0.1"],
    ["http://[64:ff9b::7f00:1]/", "NAT64 of 127.0.0.1"],
    ["http://[64:ff9b::10.0.0.1]/", "NAT64 of 10.0.0.1, dotted"],
    ["http://[64:ff9b:1::1]/", "NAT64 local-use"],
    ["http://[2002:c0a8:101::1]/", "6to4 of 192.168.1.1"],
    ["http://2130706433/", "decimal-encoded 127.0.0.1"],
    ["http://0x7f.1/", "hex-encoded 127.0.0.1"],
  ])("refuses %s (%s) unless private destinations are allowed", (url) => {
    expect(outboundUrlProblem(url, false)).toBe(PRIVATE_PROBLEM);
    expect(outboundUrlProblem(url, true)).toBeNull();
  });

  it.each([
    ["http://169.254.169.254/latest/meta-data", "metadata"],
    ["http://169.254.1.1/", "link-local"],
    ["http://metadata.google.internal/", "GCP metadata"],
    ["http://metadata.google.internal./", "GCP metadata, fully qualified"],
    ["http://[fe80::1]/", "IPv6 link-local"],
    ["http://[fd00:ec2::254]/", "AWS IPv6 metadata"],
    ["http://[::ffff:a9fe:a9fe]/", "IPv4-mapped metadata"],
    ["http://[64:ff9b::a9fe:a9fe]/", "NAT64 of metadata"],
  ])("refuses %s (%s) even when private destinations are allowed", (url) => {
    expect(outboundUrlProblem(url, false)).toBe(METADATA_PROBLEM);
    expect(outboundUrlProblem(url, true)).toBe(METADATA_PROBLEM);
  });

  it.each([
    ["ftp://example.com/", "must use http or https"],
    ["javascript:alert(1)", "must use http or https"],
    ["not a url", "not a valid absolute URL"],
    ["https://user:pass@example.com/", "credentials in the URL are not allowed; use the destination's auth"],
  ])("refuses %s", (url, message) => {
    expect(outboundUrlProblem(url, true)).toBe(message);
  });
});
