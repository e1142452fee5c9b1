using System.Xml.Linq;

namespace QualityGates.Testing;

/// <summary>
/// A small fluent builder for MSBuild project files (our stand-in for MSBuild.ProjectCreation). A null
/// value adds nothing, so scenarios can pass optional settings straight through.
/// </summary>
public sealed class ProjectBuilder
{
    private readonly XElement _project;
    private readonly XElement _properties = new("PropertyGroup");
    private readonly XElement _items = new("ItemGroup");

    private ProjectBuilder(string? sdk)
    {
        _project = new XElement("Project", _properties, _items);
        if (sdk is not null)
        {
            _project.SetAttributeValue("Sdk", sdk);
        }
    }

    /// <summary>A project using <paramref name="sdk"/> (e.g. Microsoft.NET.Sdk).</summary>
    public static ProjectBuilder Sdk(string sdk = "Microsoft.NET.Sdk") => new(sdk);

    /// <summary>A project without an SDK, such as a blank Directory.Build.props.</summary>
    public static ProjectBuilder Blank() => new(null);

    public ProjectBuilder Property(string name, string? value)
    {
        if (value is not null)
        {
            _properties.Add(new XElement(name, value));
        }

        return this;
    }

    public ProjectBuilder ItemPackageReference(string id, string? version, string? privateAssets = null)
    {
        if (version is not null)
        {
            _items.Add(Element("PackageReference", ("Include", id), ("Version", version), ("PrivateAssets", privateAssets)));
        }

        return this;
    }

    public ProjectBuilder ItemProjectReference(string? path)
    {
        if (path is not null)
        {
            _items.Add(Element("ProjectReference", ("Include", path)));
        }

        return this;
    }

    public ProjectBuilder Item(string type, string? include)
    {
        if (include is not null)
        {
            _items.Add(Element(type, ("Include", include)));
        }

        return this;
    }

    public ProjectBuilder Import(string? project, string? condition = null)
    {
        if (project is not null)
        {
            _project.Add(Element("Import", ("Project", project), ("Condition", condition)));
        }

        return this;
    }

    /// <summary>Adds a target; <paramref name="tasks"/> are its body, e.g. <c>new XElement("Message", ...)</c>.</summary>
    public ProjectBuilder Target(string name, string? afterTargets = null, params XElement[] tasks)
    {
        var target = Element("Target", ("Name", name), ("AfterTargets", afterTargets));
        target.Add(tasks.Cast<object>().ToArray());
        _project.Add(target);
        return this;
    }

    /// <summary>Writes the project to <paramref name="path"/> (folders are created) and returns the path.</summary>
    public string Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var copy = new XElement(_project);
        copy.Elements().Where(e => e.Name.LocalName is "PropertyGroup" or "ItemGroup" && !e.HasElements).Remove();
        new XDocument(copy).Save(path);
        return path;
    }

    private static XElement Element(string name, params (string Name, string? Value)[] attributes)
    {
        var element = new XElement(name);
        foreach (var (attribute, value) in attributes)
        {
            if (value is not null)
            {
                element.SetAttributeValue(attribute, value);
            }
        }

        return element;
    }
}
