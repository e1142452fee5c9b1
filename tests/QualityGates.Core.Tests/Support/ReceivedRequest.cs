namespace QualityGates.Tests.Support;

/// <summary>One request as the server saw it.</summary>
public sealed record ReceivedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body);
