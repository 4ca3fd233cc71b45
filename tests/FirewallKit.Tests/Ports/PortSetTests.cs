using FirewallKit.Core.Ports;

namespace FirewallKit.Tests.Ports;

public class PortSetTests
{
    [TestCase(new[] { "80", "443" }, new[] { "443,80" })]
    [TestCase(new[] { "Any" }, new[] { "*" })]
    [TestCase(new[] { "5000-5010" }, new[] { "5000-5005", "5006", "5007-5010" })]
    [TestCase(new[] { "RPCEPMap" }, new[] { "RPC-EPMap" })]
    [TestCase(new[] { "IPHTTPSIn" }, new[] { "IPHTTPS" })]
    [TestCase(new[] { "48300", "49300", "50300" }, new[] { "48300,49300,50300" })]
    public void Written_and_read_back_forms_are_equal(string[] written, string[] readBack) =>
        Assert.That(PortSet.Parse(readBack), Is.EqualTo(PortSet.Parse(written)));

    [TestCase("RPC", PortKeyword.Rpc)]
    [TestCase("RPC-EPMap", PortKeyword.RpcEndpointMapper)]
    [TestCase("rpc-epmap", PortKeyword.RpcEndpointMapper)]
    [TestCase("IPHTTPSIn", PortKeyword.IpHttps)]
    [TestCase("IPTLSIn", PortKeyword.IpHttps)]
    [TestCase("IPHTTPSOut", PortKeyword.IpHttps)]
    [TestCase("IPTLSOut", PortKeyword.IpHttps)]
    [TestCase("Teredo", PortKeyword.Teredo)]
    [TestCase("Ply2Disc", PortKeyword.PlayToDiscovery)]
    [TestCase("DHCP", PortKeyword.Dhcp)]
    [TestCase("mDNS", PortKeyword.Mdns)]
    [TestCase("CortanaOut", PortKeyword.CortanaOut)]
    [TestCase("TcpCDPSvc", PortKeyword.TcpCdpService)]
    public void Every_port_keyword_windows_writes_in_a_rule_is_read_as_the_machines_own_service_ports(string token, PortKeyword keyword)
    {
        var ports = PortSet.Parse(token);

        Assert.That(ports.Keywords, Is.EqualTo(new[] { keyword }));
        Assert.That(ports.Contains(5353) || ports.Contains(135) || ports.Contains(68), Is.False, "a keyword is no port number");
        Assert.That(PortSet.Parse(ports.ToTokens().ToArray()), Is.EqualTo(ports), "its spelling reads back as itself");
    }

    [TestCase("0")]
    [TestCase("65536")]
    [TestCase("80-79")]
    [TestCase("NotAKeyword")]
    public void A_token_that_is_not_a_port_is_not_parsed(string token) =>
        Assert.That(PortSet.TryParse([token], out _), Is.False);

    [TestCase(new[] { "80" }, new[] { "81" })]
    [TestCase(new[] { "80" }, new[] { "*" })]
    [TestCase(new[] { "5000-5010" }, new[] { "5000-5009" })]
    [TestCase(new[] { "RPC" }, new[] { "RPC-EPMap" })]
    public void Different_ports_differ(string[] left, string[] right) =>
        Assert.That(PortSet.Parse(right), Is.Not.EqualTo(PortSet.Parse(left)));

    [Test]
    public void Tokens_are_merged_sorted_and_shortest()
    {
        Assert.That(PortSet.Parse("443", "80", "81", "82").ToTokens(), Is.EqualTo(new[] { "80-82", "443" }));
        Assert.That(PortSet.Parse("*").ToTokens(), Is.EqualTo(new[] { "Any" }));
    }
}
