using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Coach.Packaging;
using Coach.Tests.SolutionSource;

namespace Coach.Tests.Packaging;

public class PackFailureTests
{
    [Fact]
    public void A_managed_package_says_so_and_is_named_like_an_export()
    {
        using var repo = TempRepo.Create();
        var result = SolutionPacker.Pack(repo.Layout, new PackOptions { Managed = true, Configuration = TestRepo.Configuration });

        Path.GetFileName(result.ZipPath).Should().Be("CoachingPlugins_1_0_0_0_managed.zip");
        Path.GetDirectoryName(result.ZipPath).Should().Be(Path.Combine(repo.Root, "artifacts"));
        using var zip = ZipFile.OpenRead(result.ZipPath);
        using var stream = zip.GetEntry("solution.xml")!.Open();
        XDocument.Load(stream).Root!.Element("SolutionManifest")!.Element("Managed")!.Value.Should().Be("1");
    }

    [Fact]
    public void A_missing_build_fails_naming_the_path_and_the_build_command()
    {
        using var repo = TempRepo.Create(withBuilds: false);

        var pack = () => SolutionPacker.Pack(repo.Layout, new PackOptions { Configuration = "Release" });

        pack.Should().Throw<PackException>()
            .WithMessage("*Plugins/Coaching.Plugins/bin/Release/net462/Coaching.Plugins.dll does not exist*dotnet build Plugins/Coaching.Plugins -c Release -p:XrmSdk=Official*");
    }

    [Fact]
    public void An_assembly_that_is_not_the_registered_one_is_refused()
    {
        using var repo = TempRepo.Create();
        var options = new PackOptions { Configuration = TestRepo.Configuration };
        options.AssemblyPaths["Coaching.Plugins"] = TestRepo.BuiltAssembly("Coaching.Workflows");

        var pack = () => SolutionPacker.Pack(repo.Layout, options);

        pack.Should().Throw<PackException>().WithMessage("*is 'Coaching.Workflows, Version=1.0.0.0*registers 'Coaching.Plugins, Version=1.0.0.0*");
    }

    [Fact]
    public void A_stand_in_build_packs_with_a_warning_that_it_is_not_deployable()
    {
        using var repo = TempRepo.Create();
        var result = SolutionPacker.Pack(repo.Layout, new PackOptions { Configuration = TestRepo.Configuration });

        // The test build uses the Local SDK switch; the deployable build is -p:XrmSdk=Official.
        result.IsDeployable.Should().BeFalse();
        result.Warnings.Should().Contain(w => w.Contains("SDK stand-in") && w.Contains("-p:XrmSdk=Official"));
    }

    [Fact]
    public void A_folder_the_zip_has_no_place_for_stops_the_pack()
    {
        using var repo = TempRepo.Create();
        repo.Write("Solution/src/WebResources/coach_logo.svg.data.xml", "<WebResource />");

        var pack = () => SolutionPacker.Pack(repo.Layout, new PackOptions { Configuration = TestRepo.Configuration });

        pack.Should().Throw<PackException>().WithMessage("*Solution/src/WebResources*");
    }

    [Fact]
    public void Pack_without_the_built_coaching_panel_says_how_to_build_it()
    {
        using var repo = TempRepo.Create();
        Directory.Delete(repo.PathOf("CoachingPanel/out"), recursive: true);

        var pack = () => SolutionPacker.Pack(repo.Layout, new PackOptions { Configuration = TestRepo.Configuration });

        pack.Should().Throw<PackException>()
            .WithMessage("The built coach_Coaching.CoachingPanel is missing*(looked in CoachingPanel)*cd CoachingPanel && npm ci && npm run build");
    }

    [Fact]
    public void Pack_refuses_a_built_control_whose_manifest_names_another_control()
    {
        using var repo = TempRepo.Create();
        repo.Edit("CoachingPanel/out/controls/CoachingPanel/ControlManifest.xml", m => m.Replace("namespace=\"Coaching\"", "namespace=\"Contoso\"", StringComparison.Ordinal));

        var pack = () => SolutionPacker.Pack(repo.Layout, new PackOptions { Configuration = TestRepo.Configuration });

        pack.Should().Throw<PackException>().WithMessage("*missing: no PCF project output holds a ControlManifest.xml for Coaching.CoachingPanel*");
    }

    [Fact]
    public void Pack_refuses_a_built_control_missing_a_resource_its_manifest_names()
    {
        using var repo = TempRepo.Create();
        File.Delete(repo.PathOf("CoachingPanel/out/controls/CoachingPanel/bundle.js"));

        var pack = () => SolutionPacker.Pack(repo.Layout, new PackOptions { Configuration = TestRepo.Configuration });

        pack.Should().Throw<PackException>().WithMessage("*names the resource 'bundle.js', which the build did not produce*");
    }
}
