using QualityGates.Integrations;
using QualityGates.MSBuild.Integrations;

namespace QualityGates.MSBuild;

/// <summary>The task's settings beyond the gate request, read and checked before anything is judged.</summary>
/// <param name="FailOnAnyTestFailure">Any failed test fails the build (QG2012).</param>
/// <param name="CiIntegration">Publish to GitHub Actions / Azure Pipelines when detected.</param>
/// <param name="Webhook">The webhook, or null for none.</param>
/// <param name="Registry">Where to approve or record the run, or null when QualityGatesApproveOnPass is off.</param>
internal sealed record TaskSettings(bool FailOnAnyTestFailure, bool CiIntegration, WebhookOptions? Webhook, RegistryRecording? Registry);
