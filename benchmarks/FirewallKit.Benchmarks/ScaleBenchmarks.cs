using BenchmarkDotNet.Attributes;
using FirewallKit.Core.Audit;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Engine;
using FirewallKit.Core.Flows;
using FirewallKit.Core.Operations;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;

namespace FirewallKit.Benchmarks;

/// <summary>
/// The scaled cases of issue 23 in process, each a whole operation as a command runs it (files read, parsed,
/// planned, evaluated), on the inputs <see cref="ScaleInputs"/> writes. benchmarks/scale.sh runs the same cases as
/// whole native processes against the shipped ones; these show where the time goes once the code is warm.
/// </summary>
[MemoryDiagnoser]
public class ScaleBenchmarks
{
    private static readonly string ShippedDump = Path.Combine(PeerProfiles.RepositoryRoot(), "tests/FirewallKit.Tests/Audit/Dumps/block-others-5200-missing.txt");
    private readonly string _inputs = Path.Combine(Path.GetTempPath(), "fwkit-scale-inputs");
    private string _cluster = null!;
    private RulePlan _plan10k = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (!File.Exists(Path.Combine(_inputs, "deployment-1000.json")))
        {
            ScaleInputs.Write(_inputs);
        }

        _cluster = PeerProfiles.ShippedProfile("cluster.json");
        var catalog = CatalogLoader.LoadEmbedded();
        _plan10k = RulePlanner.Plan(catalog, ProfileLoader.Reader(catalog).Load(Path.Combine(_inputs, "cluster-10000.json")));
    }

    [Benchmark]
    public RulePlan Validate10kPeers() => Planning.Load(new PlanRequest(Path.Combine(_inputs, "cluster-10000.json"))).Plan;

    /// <summary>The plan JSON of 10,000 peers (about 7.5 MB), written as <c>plan --format json</c> writes it; MB/s is its size over the mean.</summary>
    [Benchmark]
    public long WritePlanJson10kPeers()
    {
        using var output = new CountingStream();
        PlanContract.Write(_plan10k, output);
        return output.Length;
    }

    [Benchmark]
    public AuditReport Audit56Rules() => AuditRunner.Run(new AuditRequest(new RuleDump(ShippedDump), _cluster));

    [Benchmark]
    public AuditReport Audit20kRules() => AuditRunner.Run(new AuditRequest(new RuleDump(Path.Combine(_inputs, "dump-20000-rules.txt")), _cluster));

    [Benchmark]
    public AuditReport Audit60kRulesOnOnePort() => AuditRunner.Run(new AuditRequest(new RuleDump(Path.Combine(_inputs, "dump-60000-on-one-port.txt")), _cluster));

    [Benchmark]
    public AuditReport AuditDescriptionOf200kLines() => AuditRunner.Run(new AuditRequest(new RuleDump(Path.Combine(_inputs, "dump-description-200000-lines.txt")), _cluster));

    [Benchmark]
    public FlowReport Flows1000Hosts() => FlowCheck.Run(new FlowsRequest(new PlanRequest(Path.Combine(_inputs, "deployment-1000.json")), new Dictionary<string, string>()));

    /// <summary>A sink that only counts: the figure is the writer's, not a disk's.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override void WriteByte(byte value) => _length++;
    }
}
