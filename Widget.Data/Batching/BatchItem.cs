namespace Widget.Data.Batching;

/// <summary>One request waiting in <see cref="BatchLanes{TRequest, TResult}"/>, and the answer its caller awaits.</summary>
internal sealed class BatchItem<TRequest, TResult>(TRequest request)
{
    private readonly TaskCompletionSource<TResult> outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TRequest Request { get; } = request;

    public Task<TResult> Outcome => outcome.Task;

    public void Complete(TResult result) => outcome.TrySetResult(result);

    public void Fail(Exception error) => outcome.TrySetException(error);

    public void Cancel() => outcome.TrySetCanceled();
}
