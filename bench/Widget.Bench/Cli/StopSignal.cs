using System.Runtime.InteropServices;

namespace Widget.Bench.Cli;

/// <summary>
/// Cancelled by SIGTERM or Ctrl-C (so bench/run.sh can end a child and still get its results) and,
/// whatever happens, after a hard time limit: no child outlives its run.
/// </summary>
public sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource source;
    private readonly PosixSignalRegistration term;
    private readonly PosixSignalRegistration interrupt;

    public StopSignal(TimeSpan limit)
    {
        source = new CancellationTokenSource(limit);
        term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
    }

    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        term.Dispose();
        interrupt.Dispose();
        source.Dispose();
    }

    private void Cancel(PosixSignalContext context)
    {
        context.Cancel = true;
        source.Cancel();
    }
}
