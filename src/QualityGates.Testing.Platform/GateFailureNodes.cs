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
        foreach (var error in result.Run.Diagnostics.Where(d => d.IsError))
        {
            var name = error.Gate is null ? $"{error.Code} quality gates" : $"{error.Code} quality gate {error.Gate}";
            await messageBus.PublishAsync(producer, new TestNodeUpdateMessage(session, new TestNode
            {
                Uid = new TestNodeUid("QualityGates/" + (error.Gate ?? error.Code)),
                DisplayName = name,
                Properties = new PropertyBag(new FailedTestNodeStateProperty($"{error.Code}: {error.Message}")),
            })).ConfigureAwait(false);
        }
    }
}
