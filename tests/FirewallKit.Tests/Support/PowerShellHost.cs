using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Text;
using FirewallKit.Tests.Support.NetSecurity;

namespace FirewallKit.Tests.Support;

/// <summary>
/// The PowerShell 7.6 engine hosted in the test process, with the stub NetSecurity cmdlets over a
/// <see cref="FakeFirewall"/>. <c>InitialSessionState.CreateDefault2()</c> gives the Core cmdlets
/// only (a hosted engine has no $PSHOME modules), so the Microsoft.PowerShell.Utility cmdlets that
/// scripts use (Write-Host, Sort-Object) are added from their assembly.
/// </summary>
public sealed class PowerShellHost : IDisposable
{
    private static readonly string StubPath = Path.Combine(AppContext.BaseDirectory, "Support", "NetSecurity", "NetSecurityStub.ps1");

    private readonly Runspace _runspace;
    private readonly List<string> _commands = [];

    public PowerShellHost(FakeFirewall firewall)
    {
        Firewall = firewall;
        var state = InitialSessionState.CreateDefault2();
        foreach (var type in typeof(Microsoft.PowerShell.Commands.WriteHostCommand).Assembly.GetExportedTypes())
        {
            if (type.GetCustomAttributes(typeof(CmdletAttribute), false) is [CmdletAttribute cmdlet] && typeof(Cmdlet).IsAssignableFrom(type))
            {
                state.Commands.Add(new SessionStateCmdletEntry($"{cmdlet.VerbName}-{cmdlet.NounName}", type, null));
            }
        }

        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
        _runspace.SessionStateProxy.SetVariable("FakeFirewall", firewall);
        using (var load = PowerShell.Create(_runspace))
        {
            load.AddScript(File.ReadAllText(StubPath)).Invoke();
        }

        StubCommands = [.. Parse(File.ReadAllText(StubPath)).FindAll(a => a is FunctionDefinitionAst, false).Cast<FunctionDefinitionAst>().Select(f => f.Name)];
        // Every command name the engine looks up from here on, whoever asks: the hostile-input test
        // proves with it that nothing but the expected commands ever runs.
        _runspace.SessionStateProxy.InvokeCommand.PreCommandLookupAction = (name, _) =>
        {
            lock (_commands)
            {
                _commands.Add((string)name!);
            }
        };
    }

    public FakeFirewall Firewall { get; }

    /// <summary>The functions the stub file defines (the NetSecurity stand-ins and their helpers).</summary>
    public IReadOnlyList<string> StubCommands { get; }

    public IReadOnlyList<string> CommandsLookedUp
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    public sealed record Result(IReadOnlyList<string> Messages, IReadOnlyList<string> Errors);

    /// <summary>Writes the script as fwkit does (UTF-8 with a byte order mark) and runs it by path, like an admin would.</summary>
    public Result Run(string script, params (string Name, object? Value)[] parameters)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fwkit-export-{Guid.NewGuid():N}.ps1");
        File.WriteAllText(path, script, new UTF8Encoding(true));
        try
        {
            using var shell = PowerShell.Create(_runspace);
            shell.AddCommand(path);
            foreach (var (name, value) in parameters)
            {
                if (value is null)
                {
                    shell.AddParameter(name);
                }
                else
                {
                    shell.AddParameter(name, value);
                }
            }

            shell.Invoke();
            return new Result(
                [.. shell.Streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty)],
                [.. shell.Streams.Error.Select(e => e.ToString())]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Runs a line of PowerShell against the stubs (to check the stubs themselves); its first error is thrown.</summary>
    public Collection<PSObject> Invoke(string script)
    {
        using var shell = PowerShell.Create(_runspace);
        var output = shell.AddScript(script).Invoke();
        if (shell.Streams.Error.Count > 0)
        {
            throw shell.Streams.Error[0].Exception;
        }

        return output;
    }

    /// <summary>Runs a script in a fresh engine without the stubs and returns its output.</summary>
    public static IReadOnlyList<object> Evaluate(string script)
    {
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using var shell = PowerShell.Create(runspace);
        return [.. shell.AddScript(script).Invoke().Select(o => o.BaseObject)];
    }

    public static ScriptBlockAst Parse(string script)
    {
        var ast = Parser.ParseInput(script, out _, out var errors);
        Assert.That(errors, Is.Empty, "PowerShell parse errors: " + string.Join("; ", errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}")));
        return ast;
    }

    public void Dispose() => _runspace.Dispose();
}
