using System.Diagnostics;
using System.Globalization;
using SmartVillage.Gateway.Benchmarks.Support;

namespace SmartVillage.Gateway.Benchmarks.Disk;

/// <summary>A <see cref="PacedStore"/> child process, measured like the gateway.</summary>
public sealed class PacedStoreRun : IMeasuredProcess
{
    private readonly Process _process;
    private readonly List<string> _errors = [];
    private long _lastSequence = -1;

    private PacedStoreRun(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("committed ", StringComparison.Ordinal) == true)
            {
                Interlocked.Exchange(ref _lastSequence, long.Parse(e.Data["committed ".Length..], CultureInfo.InvariantCulture));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_errors)
                {
                    _errors.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string OutputTail
    {
        get
        {
            lock (_errors)
            {
                return string.Join(Environment.NewLine, _errors.TakeLast(20));
            }
        }
    }

    public static PacedStoreRun Start(DiskCase c, string database, int? brokerPort)
    {
        ArgumentNullException.ThrowIfNull(c);
        var args = new List<string>
        {
            "paced-store", "--db", database, "--sensors", c.Sensors.ToString(CultureInfo.InvariantCulture),
            "--interval", c.Interval.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        };
        if (c.CommitInterval is { } commit)
        {
            args.AddRange(["--commit", commit.TotalSeconds.ToString(CultureInfo.InvariantCulture)]);
        }

        if (c.Synchronous is { } synchronous)
        {
            args.AddRange(["--synchronous", synchronous]);
        }

        if (brokerPort is { } port)
        {
            args.AddRange(["--port", port.ToString(CultureInfo.InvariantCulture)]);
        }

        return new PacedStoreRun(Process.Start(SelfProcess.StartInfo([.. args]))!);
    }

    public Task<long> LastSequenceAsync() => Task.FromResult(Interlocked.Read(ref _lastSequence));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
