namespace QualityGates.Inputs.Common;

/// <summary>
/// Reads independent files on the machine's cores and hands each result to the caller in input order, on
/// the caller's thread: the merge stays deterministic (the same files in the same order give the same
/// figures, names and errors) while the parsing runs side by side. At most one read per core runs ahead
/// of the merge, so memory holds a few files' results, never all of them.
/// </summary>
internal static class OrderedParallel
{
    /// <summary>
    /// Calls <paramref name="read"/> for every index from 0 to <paramref name="count"/> − 1 on worker
    /// threads and <paramref name="merge"/> with each result in index order. The first failure in index
    /// order is thrown, as a loop would; reads already started are waited for first, so none outlives the call.
    /// </summary>
    public static void ForEach<T>(int count, Func<int, T> read, Action<int, T> merge, int? degree = null)
    {
        var width = Math.Max(1, degree ?? Environment.ProcessorCount);
        if (count <= 1 || width == 1)
        {
            for (var i = 0; i < count; i++)
            {
                merge(i, read(i));
            }

            return;
        }

        var pending = new Queue<Task<T>>(width);
        var next = 0;
        try
        {
            for (var i = 0; i < count; i++)
            {
                while (next < count && pending.Count < width)
                {
                    var index = next++;
                    pending.Enqueue(Task.Run(() => read(index)));
                }

                merge(i, pending.Dequeue().GetAwaiter().GetResult());
            }
        }
        finally
        {
            // Only after a failure: the reads ahead of it finish (their results or errors are dropped).
            foreach (var task in pending)
            {
                ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
            }
        }
    }
}
