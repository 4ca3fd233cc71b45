using FirewallKit.Core.Plan;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Machine;

/// <summary>Turns the state of a machine's firewall into the problems that stop fwkit and the warnings it prints.</summary>
public static class EnvironmentAssessment
{
    public const string NeedsWindows = "needs Windows; use `fwkit export` to produce a script";

    public const string NotElevated =
        "changing firewall rules needs an elevated process; run fwkit from an elevated prompt (Run as administrator) or from the installer's elevated custom action";

    public const string ServiceStopped =
        "the Windows Defender Firewall service (MpsSvc) is not running; start it (Start-Service MpsSvc) and run fwkit again";

    public const string LockHeld =
        "another fwkit apply, remove or rollback is running on this machine; wait for it to finish and run again";

    /// <param name="targeted">The profiles the rules apply to; warnings about other profiles would be noise.</param>
    public static EnvironmentReport Assess(FirewallEnvironmentState state, NetworkProfiles targeted, FirewallAccess access)
    {
        if (!state.IsWindows)
        {
            return new EnvironmentReport([NeedsWindows], []);
        }

        var problems = new List<string>();
        if (access == FirewallAccess.Write && !state.IsElevated)
        {
            problems.Add(NotElevated);
        }

        if (!state.ServiceRunning)
        {
            problems.Add(ServiceStopped);
            return new EnvironmentReport(problems, []);
        }

        var warnings = new List<PlanWarning>();
        var off = state.FirewallOff & targeted;
        if (off != NetworkProfiles.None)
        {
            warnings.Add(new PlanWarning(
                "firewall-off",
                $"the firewall is off for the {Names(off)} profile(s), so the rules written there are not enforced; turn it on (Set-NetFirewallProfile -Profile {string.Join(",", RuleTerms.Profiles(off))} -Enabled True)"));
        }

        var allow = state.DefaultInboundAllow & targeted;
        if (allow != NetworkProfiles.None)
        {
            warnings.Add(new PlanWarning(
                "default-inbound-allow",
                $"the {Names(allow)} profile(s) allow inbound connections by default, so allow rules restrict nothing there (only block rules take effect); set the default inbound action to Block"));
        }

        if (state.GroupPolicyOverridesLocalRules)
        {
            warnings.Add(new PlanWarning(
                "group-policy-override",
                "Group Policy controls this firewall and may not merge local rules, so the rules fwkit writes may not be enforced; ask the domain administrator to allow local rule merging or deploy the rules by GPO (fwkit export)"));
        }

        if (state.InboundBlockedByPolicy)
        {
            warnings.Add(new PlanWarning(
                "inbound-blocked",
                "the firewall blocks all inbound connections (\"shields up\"), so no allow rule takes effect until that setting is turned off"));
        }

        return new EnvironmentReport(problems, warnings);
    }

    private static string Names(NetworkProfiles profiles) => string.Join(", ", RuleTerms.Profiles(profiles));
}
