using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.TestHost;

namespace QualityGates.Testing.Platform;

/// <summary>
/// Reports each error of a gate run as a failed test node, <c>QG2001 quality gate tests.pass_rate</c>
/// (or <c>QG1001 quality gates</c> for a bad setting or input), whose message is the coded error: the
/// one thing every runner shows, <c>dotnet test</c>'s native mode included, and what makes the platform
/// count the run as failed.
/// </summary>
internal static class GateFailureNodes
{
    public static async Task PublishAsync(IMessageBus messageBus, IDataProducer producer, SessionUid session, GateSessionResult result)
    {
        foreach (var (run, index) in result.Runs.Select((r, i) => (r, i)))
        {
            // The solution's errors (the second result) are named so, and never share a node with the project's.
            var scope = index == 0 ? string.Empty : "solution ";
            foreach (var error in run.Diagnostics.Where(d => d.IsError))
            {
                await PublishAsync(messageBus, producer, session, error, scope).ConfigureAwait(false);
            }
        }
    }

    private static Task PublishAsync(IMessageBus messageBus, IDataProducer producer, SessionUid session, Errors.GateDiagnostic error, string scope)
    {
        var name = error.Gate is null ? $"{error.Code} {scope}quality gates" : $"{error.Code} {scope}quality gate {error.Gate}";
        return messageBus.PublishAsync(producer, new TestNodeUpdateMessage(session, new TestNode
        {
            Uid = new TestNodeUid("QualityGates/" + scope.Replace(' ', '/') + (error.Gate ?? error.Code)),
            DisplayName = name,
            Properties = new PropertyBag(new FailedTestNodeStateProperty($"{error.Code}: {error.Message}")),
        }));
    }
}
