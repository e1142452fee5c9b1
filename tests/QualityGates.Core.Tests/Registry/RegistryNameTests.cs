using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Metrics;
using QualityGates.Registry;

namespace QualityGates.Tests.Registry;

/// <summary>No model name, version or free text can move a registry file out of its folder or smuggle control characters in.</summary>
public sealed class RegistryNameTests
{
    [Theory]
    [InlineData("../x")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("/etc/passwd")]
    [InlineData("bad\u0001name")]
    [InlineData("bad\nname")]
    [InlineData("")]
    public void HostileModelNamesAreRefusedBeforeAnyFileIsTouched(string name)
    {
        using var scene = new RegistryScene();

        var errors = new[]
        {
            Assert.Throws<QualityGatesException>(() => scene.Registry.Approve(new ModelIdentity(name, "v1"), DeploymentContext.Staging, "x")),
            Assert.Throws<QualityGatesException>(() => scene.Registry.GetApprovedVersions(name, DeploymentContext.Staging)),
            Assert.Throws<QualityGatesException>(() => scene.Registry.GetHistory(name)),
        };

        Assert.All(errors, e => Assert.Equal(ErrorCodes.InvalidModelIdentity, e.Code));
        Assert.False(Directory.Exists(scene.Folder));
        Assert.Empty(Directory.GetFileSystemEntries(scene.Root));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("v1\u001b[31m")]
    [InlineData("v1:2")]
    public void HostileVersionsAreRefused(string version)
    {
        using var scene = new RegistryScene();

        var error = Assert.Throws<QualityGatesException>(() => scene.Registry.Approve(new ModelIdentity("veran", version), DeploymentContext.Staging, "x"));

        Assert.Equal(ErrorCodes.InvalidModelIdentity, error.Code);
        Assert.False(Directory.Exists(scene.Folder));
    }

    [Theory]
    [InlineData("CON")]
    [InlineData("nul")]
    [InlineData("com1")]
    [InlineData("LPT9.model")]
    [InlineData("model.")]
    [InlineData("model ")]
    [InlineData("a<b")]
    [InlineData("a|b")]
    [InlineData("what?")]
    [InlineData("star*")]
    [InlineData("quote\"d")]
    public void NamesWindowsCannotStoreAreRefused(string name)
    {
        using var scene = new RegistryScene();

        var error = Assert.Throws<QualityGatesException>(() => scene.Registry.FileFor(name));

        Assert.Equal(ErrorCodes.RegistryNameNotAllowed, error.Code);
        Assert.Contains(name.TrimEnd(), error.Message);
    }

    [Theory]
    [InlineData("veran", "veran.jsonl")]
    [InlineData("my-model_2.large", "my-model_2.large.jsonl")]
    [InlineData(".hidden", ".hidden.jsonl")]
    [InlineData("Größe", "Größe.jsonl")]
    public void OrdinaryNamesMapToAFileDirectlyInTheFolder(string name, string file)
    {
        using var scene = new RegistryScene();

        Assert.Equal(Path.Combine(scene.Folder, file), scene.Registry.FileFor(name));
    }

    [Fact]
    public void ControlCharactersInWhoOrTargetAreRefused()
    {
        using var scene = new RegistryScene();
        var model = new ModelIdentity("veran", "v1");

        var who = Assert.Throws<QualityGatesException>(() => scene.Registry.Approve(model, DeploymentContext.Staging, "alice\u001b[2J"));
        var newline = Assert.Throws<QualityGatesException>(() => scene.Registry.Approve(model, DeploymentContext.Staging, "alice\nbob"));
        var notes = Assert.Throws<QualityGatesException>(() => scene.Registry.Approve(model, DeploymentContext.Staging, "alice", "bell\u0007"));
        var reason = Assert.Throws<QualityGatesException>(() => scene.Registry.Reject(model, DeploymentContext.Staging, "", "bob"));
        var longWho = Assert.Throws<QualityGatesException>(() => scene.Registry.Approve(model, DeploymentContext.Staging, new string('a', 201)));

        Assert.All(new[] { who, newline, notes, reason, longWho }, e => Assert.Equal(ErrorCodes.RegistryValueNotAllowed, e.Code));
        Assert.Equal("The approved by value contains a control character or line break.", who.Message);
        Assert.Equal("The rejection reason is missing or empty.", reason.Message);
        Assert.False(Directory.Exists(scene.Folder));
    }

    [Fact]
    public void UnwritableFolderIsRegistryUnavailable()
    {
        using var scene = new RegistryScene();
        var blocker = scene.Write("file-not-folder", "x");
        var registry = new ApprovalRegistry(Path.Combine(blocker, "registry"), environment: scene.Environment);

        var error = Assert.Throws<QualityGatesException>(() => registry.Approve(new ModelIdentity("veran", "v1"), DeploymentContext.Staging, "x"));

        Assert.Equal(ErrorCodes.RegistryUnavailable, error.Code);
        Assert.Equal(Path.Combine(blocker, "registry", "veran.jsonl"), error.File);
    }
}
