namespace QualityGates.EndToEnd.Tests.Support;

/// <summary>
/// A workspace set up once per test run (written, restored, built) and then used by many scenarios,
/// e.g. <see cref="SharedConsumer"/>. The first scenario to ask runs the set-up with its output as the
/// log; a set-up that failed fails every later scenario at once instead of being tried again by each.
/// Scenarios that use one change files in its folder, so give them one xunit collection of their own:
/// they run one at a time, in parallel with the other collections.
/// </summary>
public sealed class SharedWorkspace(string name, Action<Workspace> setUp)
{
    private readonly Lock _gate = new();
    private Workspace? _workspace;
    private Exception? _setUpFailure;

    /// <summary>The workspace, set up on first use; its commands log to <paramref name="output"/> from now on.</summary>
    public Workspace Get(ITestOutputHelper output)
    {
        lock (_gate)
        {
            if (_setUpFailure is not null)
            {
                throw new InvalidOperationException($"Setting up the shared workspace '{name}' failed in an earlier scenario; see its output.", _setUpFailure);
            }

            if (_workspace is null)
            {
                var workspace = new Workspace(name, output);
                try
                {
                    setUp(workspace);
                }
                catch (Exception e)
                {
                    _setUpFailure = e;
                    throw;
                }

                _workspace = workspace;
            }

            _workspace.Output = output;
            return _workspace;
        }
    }
}
