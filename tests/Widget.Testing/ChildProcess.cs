using System.Diagnostics;

namespace Widget.Testing;

/// <summary>
/// A server or tool that a test starts. Its recent output is kept for failure messages, and its
/// whole process tree is killed when it is disposed or when the test host exits, so that a failed
/// or aborted run leaves no servers behind (see <see cref="OrphanGuard"/>).
/// </summary>
public sealed class ChildProcess : IAsyncDisposable, IDisposable
{
    private const int MaxLines = 200;

    // Killing sends SIGKILL, so anything longer means the process is stuck in the kernel.
    private static readonly TimeSpan ExitAfterKillTimeout = TimeSpan.FromSeconds(30);

    private readonly CommandLine command;
    private readonly Process process;
    private readonly Lock gate = new();
    private readonly Queue<string> recentLines = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource<string> Line)> waiters = [];
    private Task exited = Task.CompletedTask;
    private int disposed;

    private ChildProcess(CommandLine command, Process process)
    {
        this.command = command;
        this.process = process;
    }

    public int Pid => process.Id;

    /// <summary>The most recent lines written to stdout and stderr, interleaved as they arrived.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (gate)
            {
                return [.. recentLines];
            }
        }
    }

    public static ChildProcess Start(CommandLine command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var startInfo = new ProcessStartInfo(command.FileName, command.Arguments)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = command.WorkingDirectory ?? "",
        };
        foreach (var (name, value) in command.Environment)
        {
            startInfo.Environment[name] = value;
        }

        var child = new ChildProcess(command, new Process { StartInfo = startInfo });
        child.process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        child.process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        try
        {
            child.process.Start();
        }
        catch
        {
            child.process.Dispose();
            throw;
        }

        OrphanGuard.Watch(child);
        child.exited = child.process.WaitForExitAsync(CancellationToken.None);
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        // Nothing is ever typed into a child; closing stdin stops one that reads it from waiting.
        child.process.StandardInput.Close();
        return child;
    }

    /// <summary>Runs a command to completion, failing with its output unless it exits with 0.</summary>
    public static async Task RunAsync(CommandLine command, TimeSpan timeout, CancellationToken ct)
    {
        await using var child = Start(command);
        try
        {
            await child.WaitForExitAsync(ct).WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(child.Describe($"did not finish within {timeout}"));
        }

        if (child.process.ExitCode != 0)
        {
            throw new InvalidOperationException(child.Describe($"exited with code {child.process.ExitCode}"));
        }
    }

    /// <summary>
    /// Waits until the process prints a matching line, or has printed one already, and returns it.
    /// Fails with the captured output if the process exits first or the timeout passes.
    /// </summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        (Func<string, bool> Matches, TaskCompletionSource<string> Line) waiter =
            (predicate, new(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (gate)
        {
            var seen = recentLines.FirstOrDefault(predicate);
            if (seen is not null)
            {
                return seen;
            }

            waiters.Add(waiter);
        }

        var line = waiter.Line.Task;
        try
        {
            await Task.WhenAny(line, exited).WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(Describe($"printed no expected line within {timeout}"));
        }
        finally
        {
            lock (gate)
            {
                waiters.Remove(waiter);
            }
        }

        // The exit task completes only after all output has been read, so a line printed just
        // before exiting has already been matched.
        return line.IsCompleted
            ? await line
            : throw new InvalidOperationException(Describe($"exited with code {process.ExitCode} before printing the expected line"));
    }

    /// <summary>Completes when the process has exited and all its output has been read.</summary>
    public Task WaitForExitAsync(CancellationToken ct) => exited.WaitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (BeginDispose())
        {
            KillTree();
            await exited.WaitAsync(ExitAfterKillTimeout);
            process.Dispose();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Sends SIGKILL to the process and all its descendants; safe to call at any time.</summary>
    internal void KillTree()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Disposed concurrently: OrphanGuard kills on signal threads while a test may be disposing.
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            if (recentLines.Count == MaxLines)
            {
                recentLines.Dequeue();
            }

            recentLines.Enqueue(line);
            foreach (var (matches, found) in waiters)
            {
                if (matches(line))
                {
                    found.TrySetResult(line);
                }
            }
        }
    }

    private bool BeginDispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return false;
        }

        OrphanGuard.Forget(this);
        return true;
    }

    private string Describe(string what) =>
        $"`{command}` (pid {Pid}) {what}. Its last output:{Environment.NewLine}{string.Join(Environment.NewLine, Output)}";
}
