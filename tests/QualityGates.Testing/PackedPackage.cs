using System.Collections.Immutable;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace QualityGates.Testing;

/// <summary>
/// A packed .nupkg as nuget.org sees it: its nuspec metadata, its files, and what its assemblies carry
/// (embedded pdb, source link, paths). The checks every package of this repository must pass are here,
/// so the MSBuild package's and the tool's tests state only what differs.
/// </summary>
public sealed partial class PackedPackage : IDisposable
{
    // The Open Packaging Conventions' own parts, which every .nupkg has.
    private static readonly string[] PackagingParts = ["_rels/", "package/services/", "[Content_Types].xml", ".signature.p7s"];

    private readonly ZipArchive _zip;

    private PackedPackage(string path)
    {
        Path = path;
        _zip = ZipFile.OpenRead(path);
        var nuspec = _zip.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        Metadata = XElement.Load(stream).Elements().Single(e => e.Name.LocalName == "metadata");
        Files = _zip.Entries.Select(e => e.FullName)
            .Where(name => name != nuspec.FullName && !PackagingParts.Any(part => name.StartsWith(part, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The repository's address, as Directory.Build.props declares it (the one place it is written).</summary>
    public static string RepositoryUrl { get; } =
        XElement.Load(System.IO.Path.Combine(RepositoryPaths.Root, "Directory.Build.props")).Descendants("RepositoryUrl").Single().Value;

    public string Path { get; }

    /// <summary>The nuspec's metadata element.</summary>
    public XElement Metadata { get; }

    /// <summary>The package's own files (not the packaging parts or the nuspec), in ordinal order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Opens the only package in <paramref name="folder"/> whose id is <paramref name="id"/>.</summary>
    public static PackedPackage In(string folder, string id) =>
        new(Directory.GetFiles(folder, id + ".*.nupkg").Single(f => !f.EndsWith(".snupkg", StringComparison.Ordinal) && VersionAfter(id).IsMatch(System.IO.Path.GetFileName(f))));

    /// <summary>A nuspec metadata element's text, or null.</summary>
    public string? Meta(string name) => Metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    /// <summary>A nuspec metadata element's attribute, or null.</summary>
    public string? Meta(string name, string attribute) => (string?)Metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Attribute(attribute);

    public byte[] Read(string file)
    {
        using var stream = _zip.GetEntry(file)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public string ReadText(string file) => Encoding.UTF8.GetString(Read(file));

    /// <summary>
    /// What a folder of the package must hold to run: the deps.json beside the entry assembly, and every
    /// runtime assembly that deps.json lists (the assembly's own dependencies), each once.
    /// </summary>
    public IReadOnlyList<string> RuntimeClosure(string folder, string depsJson)
    {
        using var deps = JsonDocument.Parse(Read(folder + depsJson));
        var target = deps.RootElement.GetProperty("runtimeTarget").GetProperty("name").GetString()!;
        var assemblies = deps.RootElement.GetProperty("targets").GetProperty(target).EnumerateObject()
            .SelectMany(library => library.Value.TryGetProperty("runtime", out var runtime) ? runtime.EnumerateObject().Select(r => r.Name) : [])
            .Select(asset => folder + asset[(asset.LastIndexOf('/') + 1)..]);
        return [.. assemblies.Append(folder + depsJson).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// What keeps this package from nuget.org, by the checks every package of this repository passes:
    /// licence (expression and file), icon, readme with absolute links only, release notes, project and
    /// repository URL with the commit, tags, description; no assembly twice; and each of its own assemblies
    /// with its pdb embedded and its sources linked to the repository at that commit. When built as CI
    /// builds (CI=true), no path of the build machine in an assembly or its pdb; elsewhere the pdb does
    /// name the machine's files (a local build keeps them), which shows the scan would see them.
    /// Empty when the package is ready.
    /// </summary>
    public IReadOnlyList<string> ProblemsForNuGetOrg(IEnumerable<string> ownAssemblies)
    {
        var problems = new List<string>();
        void Expect(bool condition, string problem)
        {
            if (!condition)
            {
                problems.Add(problem);
            }
        }

        Expect(Meta("license") == "MIT" && Meta("license", "type") == "expression", $"license is '{Meta("license")}', not the MIT expression");
        Expect(Files.Contains("LICENSE") && ReadText("LICENSE").StartsWith("MIT License", StringComparison.Ordinal), "no MIT LICENSE file");
        Expect(Meta("icon") == "icon.png" && Files.Contains("icon.png") && Read("icon.png").AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]), "no PNG icon.png");
        Expect(Meta("readme") == "README.md" && Files.Contains("README.md"), "no README.md");
        if (Files.Contains("README.md"))
        {
            var relative = MarkdownLinks().Matches(ReadText("README.md")).Select(m => m.Groups[1].Value).Where(link => !link.StartsWith("https://", StringComparison.Ordinal)).ToList();
            Expect(relative.Count == 0, "README.md has links a package user cannot open: " + string.Join(", ", relative));
        }

        Expect(Meta("releaseNotes") == RepositoryUrl + "/blob/main/CHANGELOG.md", $"releaseNotes is '{Meta("releaseNotes")}'");
        Expect(Meta("projectUrl") == RepositoryUrl, $"projectUrl is '{Meta("projectUrl")}'");
        Expect(Meta("repository", "url") == RepositoryUrl && Meta("repository", "type") == "git", $"repository is '{Meta("repository", "type")}' '{Meta("repository", "url")}'");
        var commit = Meta("repository", "commit") ?? string.Empty;
        Expect(Commit().IsMatch(commit), $"repository commit is '{commit}'");
        Expect(!string.IsNullOrWhiteSpace(Meta("tags")), "no tags");
        Expect(!string.IsNullOrWhiteSpace(Meta("description")), "no description");
        // The same assembly twice (same name, same bytes) is a packing mistake; builds of one assembly
        // against different platforms (the test-platform extension's) share a name, not their bytes.
        var twice = Files.Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .GroupBy(f => (Name: f[(f.LastIndexOf('/') + 1)..].ToUpperInvariant(), Hash: Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Read(f)))))
            .Where(g => g.Count() > 1).Select(g => string.Join(" = ", g)).ToList();
        Expect(twice.Count == 0, "assemblies packed more than once: " + string.Join(", ", twice));

        var ciBuild = Environment.GetEnvironmentVariable("CI") == "true";
        var machinePath = Encoding.UTF8.GetBytes(RepositoryPaths.Root.TrimEnd('/'));
        var rawContent = RepositoryUrl.Replace("https://github.com/", "https://raw.githubusercontent.com/", StringComparison.Ordinal);
        foreach (var assembly in ownAssemblies)
        {
            var symbols = AssemblySymbols.Read(Read(assembly));
            Expect(symbols.SourceLink?.Contains($"\"{rawContent}/{commit}/*\"", StringComparison.Ordinal) == true,
                $"{assembly}: no embedded pdb with a source link to {rawContent}/{commit} (source link: {symbols.SourceLink ?? "none"})");
            var onMachine = symbols.Documents.Where(d => d.StartsWith(RepositoryPaths.Root, StringComparison.Ordinal)).ToList();
            if (ciBuild)
            {
                Expect(onMachine.Count == 0 && symbols.Documents.All(d => d.StartsWith("/_/", StringComparison.Ordinal)), $"{assembly}: the pdb names files on the build machine: {string.Join(", ", onMachine.Take(3))}");
                Expect(Read(assembly).AsSpan().IndexOf(machinePath) < 0, $"{assembly} holds the build machine's path {RepositoryPaths.Root}");
                Expect(symbols.PdbBytes.AsSpan().IndexOf(machinePath) < 0, $"{assembly}: the pdb holds the build machine's path {RepositoryPaths.Root}");
            }
            else
            {
                Expect(onMachine.Count > 0, $"{assembly}: a local build's pdb should name its files under {RepositoryPaths.Root}");
            }
        }

        return problems;
    }

    public void Dispose() => _zip.Dispose();

    private static Regex VersionAfter(string id) => new("^" + Regex.Escape(id) + @"\.\d", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLinks();

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex Commit();
}

/// <summary>The pdb an assembly embeds: its source link JSON, the source documents it names, and its bytes.</summary>
public sealed record AssemblySymbols(string? SourceLink, IReadOnlyList<string> Documents, byte[] PdbBytes)
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    public static AssemblySymbols Read(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var embedded = pe.ReadDebugDirectory().Where(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb).ToList();
        if (embedded.Count == 0)
        {
            return new AssemblySymbols(null, [], []);
        }

        // The entry's data: "MPDB", the pdb's size, then the pdb deflated.
        var data = pe.GetSectionData(embedded[0].DataRelativeVirtualAddress).GetContent(0, embedded[0].DataSize);
        using var inflated = new MemoryStream();
        using (var deflate = new DeflateStream(new MemoryStream(data.ToArray(), 8, data.Length - 8), CompressionMode.Decompress))
        {
            deflate.CopyTo(inflated);
        }

        var bytes = inflated.ToArray();
        using var provider = MetadataReaderProvider.FromPortablePdbImage(ImmutableArray.Create(bytes));
        var pdb = provider.GetMetadataReader();
        var documents = pdb.Documents.Select(d => pdb.GetString(pdb.GetDocument(d).Name)).ToList();
        var sourceLink = pdb.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
            .Select(pdb.GetCustomDebugInformation)
            .Where(c => pdb.GetGuid(c.Kind) == SourceLinkKind)
            .Select(c => Encoding.UTF8.GetString(pdb.GetBlobBytes(c.Value)))
            .FirstOrDefault();
        return new AssemblySymbols(sourceLink, documents, bytes);
    }
}
