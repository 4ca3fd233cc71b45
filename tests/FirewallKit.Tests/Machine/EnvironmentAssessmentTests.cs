using FirewallKit.Core.Machine;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Tests.Machine;

public class EnvironmentAssessmentTests
{
    private static readonly FirewallEnvironmentState Healthy = new(IsWindows: true, IsElevated: true, ServiceRunning: true);
    private const NetworkProfiles DomainPrivate = NetworkProfiles.Domain | NetworkProfiles.Private;

    [Test]
    public void A_healthy_elevated_machine_has_no_problems_or_warnings()
    {
        var report = EnvironmentAssessment.Assess(Healthy, DomainPrivate, FirewallAccess.Write);
        Assert.That(report.Problems, Is.Empty);
        Assert.That(report.Warnings, Is.Empty);
    }

    [Test]
    public void Not_windows_needs_windows_and_nothing_else()
    {
        var report = EnvironmentAssessment.Assess(FirewallEnvironmentState.NotWindows, DomainPrivate, FirewallAccess.Read);
        Assert.That(report.Problems, Is.EqualTo(new[] { "needs Windows; use `fwkit export` to produce a script" }));
    }

    [Test]
    public void Writing_needs_elevation_but_reading_does_not()
    {
        var state = Healthy with { IsElevated = false };
        Assert.That(EnvironmentAssessment.Assess(state, DomainPrivate, FirewallAccess.Write).Problems, Is.EqualTo(new[] { EnvironmentAssessment.NotElevated }));
        Assert.That(EnvironmentAssessment.Assess(state, DomainPrivate, FirewallAccess.Read).Problems, Is.Empty);
    }

    [Test]
    public void A_stopped_firewall_service_stops_reading_too()
    {
        var report = EnvironmentAssessment.Assess(Healthy with { ServiceRunning = false }, DomainPrivate, FirewallAccess.Read);
        Assert.That(report.Problems, Is.EqualTo(new[] { EnvironmentAssessment.ServiceStopped }));
    }

    [Test]
    public void The_firewall_off_in_a_targeted_profile_is_a_warning_and_not_a_problem()
    {
        var report = EnvironmentAssessment.Assess(Healthy with { FirewallOff = NetworkProfiles.Private | NetworkProfiles.Public }, DomainPrivate, FirewallAccess.Write);
        Assert.That(report.Problems, Is.Empty);
        Assert.That(report.Warnings.Single().Code, Is.EqualTo("firewall-off"));
        Assert.That(report.Warnings.Single().Message, Does.Contain("Private").And.Not.Contain("Public"));
    }

    [Test]
    public void Profiles_the_rules_do_not_target_give_no_warnings()
    {
        var state = Healthy with { FirewallOff = NetworkProfiles.Public, DefaultInboundAllow = NetworkProfiles.Public };
        Assert.That(EnvironmentAssessment.Assess(state, DomainPrivate, FirewallAccess.Write).Warnings, Is.Empty);
    }

    [Test]
    public void Default_allow_group_policy_and_shields_up_are_warned_about()
    {
        var state = Healthy with { DefaultInboundAllow = NetworkProfiles.Domain, GroupPolicyOverridesLocalRules = true, InboundBlockedByPolicy = true };
        var codes = EnvironmentAssessment.Assess(state, DomainPrivate, FirewallAccess.Write).Warnings.Select(w => w.Code);
        Assert.That(codes, Is.EqualTo(new[] { "default-inbound-allow", "group-policy-override", "inbound-blocked" }));
    }
}
