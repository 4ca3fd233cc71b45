using FirewallKit.Cli;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Validation;

namespace FirewallKit.Tests.Cli;

public class ConnectionQueriesTests
{
    [TestCase("10.0.0.256", "'10.0.0.256' is not an IPv4 address (each part must be 0-255)")]
    [TestCase("10.0.0.0/24", "'10.0.0.0/24' is not a single address")]
    [TestCase("LocalSubnet", "'LocalSubnet' is not a single address")]
    [TestCase("fd00::1::2", "'fd00::1::2' is not an IPv6 address")]
    public void A_source_that_is_not_one_address_is_an_input_error(string from, string message)
    {
        var ex = Assert.Throws<InputException>(() => ConnectionQueries.From(from, 443, "tcp"))!;

        Assert.That(ex.Errors.Single().Path, Is.EqualTo("--from"));
        Assert.That(ex.Errors.Single().Message, Is.EqualTo(message));
    }

    [TestCase("::")]
    [TestCase("0::0")]
    public void The_unspecified_address_is_an_input_error_since_no_connection_comes_from_it(string from)
    {
        var ex = Assert.Throws<InputException>(() => ConnectionQueries.From(from, 5200, "tcp"))!;

        Assert.That(ex.Errors.Single().Path, Is.EqualTo("--from"));
        Assert.That(ex.Errors.Single().Message, Is.EqualTo($"'{from}' is the unspecified address, which never opens a connection (no rule can name it, so nothing decides it)"));
        Assert.That(ex.Errors.Single().Fix, Does.Contain("the address the connection comes from"));
    }

    [Test]
    public void Check_from_the_unspecified_address_exits_2_and_prints_nothing_on_stdout()
    {
        var run = CliRunner.Run("check", "--profile", RepoPaths.Profile("cluster.json"), "--from", "::", "--port", "5200");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(run.Out, Is.Empty);
        Assert.That(run.Error, Does.Contain("--from: '::' is the unspecified address"));
    }

    [Test]
    public void A_single_address_becomes_the_query_source()
    {
        var query = ConnectionQueries.From("fd00:20::13", 5200, "udp");

        Assert.That(query.Source.ToString(), Is.EqualTo("fd00:20::13"));
        Assert.That(query.Port, Is.EqualTo(5200));
        Assert.That(query.Protocol, Is.EqualTo(Core.RuleWords.TransportProtocol.Udp));
    }
}
