using System.IO;
using System.Linq;
using Coach.Checks;
using Coach.Tests.SolutionSource;
using static Coach.Tests.Checks.CheckTestSupport;

namespace Coach.Tests.Checks;

/// <summary>
/// The coaching judgement stays column-secured, a shipped profile lets coaches fill it on create but never opens it to
/// read or update, each is of a type column security can hide from readers, and the per-session sharing step is
/// registered (coach-sensitive-columns).
/// </summary>
public class SeededSecurityMistakesTests
{
    private const string Session = "Solution/src/Entities/coach_microcoachingsession/Entity.xml";
    private const string Profiles = "Solution/src/Other/FieldSecurityProfiles.xml";

    [Fact]
    public void The_repository_secures_every_judgement_column()
    {
        Check(TestRepo.Layout).For(Rules.SensitiveColumns).Should().BeEmpty();
    }

    [Fact]
    public void An_execution_concern_left_unsecured_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(Session, xml => UnsecureColumn(xml, "coach_executionconcern"));

        var errors = Errors(repo, Rules.SensitiveColumns);

        errors.Should().Contain(f => f.Message.Contains("coach_executionconcern holds a coach's judgement of a rep but is not secured"));
        errors.Should().Contain(f => f.Message.Contains("names coach_microcoachingsession.coach_executionconcern, which is not secured"));
    }

    [Fact]
    public void An_execution_concern_written_as_a_yes_no_column_fails_the_check_because_column_security_cannot_hide_it()
    {
        using var repo = TempRepo.Create();
        repo.Edit(Session, xml => EditColumn(xml, "coach_executionconcern", column => column
            .Replace("<Type>picklist</Type>", "<Type>bit</Type>")
            .Replace("<AppDefaultValue>-1</AppDefaultValue>", "<AppDefaultValue>0</AppDefaultValue>")));

        var errors = Errors(repo, Rules.SensitiveColumns);

        errors.Should().ContainSingle().Which.Message.Should()
            .Contain("coach_executionconcern holds a coach's judgement of a rep, but column security cannot hide it from readers")
            .And.Contain("yes/no (bit) column")
            .And.Contain("Make it a choice without a default value");
    }

    [Fact]
    public void A_judgement_choice_given_a_default_value_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(Session, xml => EditColumn(xml, "coach_executionconcern", column => column
            .Replace("<AppDefaultValue>-1</AppDefaultValue>", "<AppDefaultValue>731050000</AppDefaultValue>")));

        var errors = Errors(repo, Rules.SensitiveColumns);

        errors.Should().ContainSingle().Which.Message.Should()
            .Contain("a choice with a default value (731050000), and a choice can be secured for read only when it has no default");
    }

    [Fact]
    public void A_judgement_column_no_profile_opens_fails_the_check()
    {
        using var repo = TempRepo.Create();
        File.Delete(repo.PathOf(Profiles));

        var errors = Errors(repo, Rules.SensitiveColumns);

        errors.Should().HaveCount(SecurityRules.SensitiveColumns.Count);
        errors.Should().OnlyContain(f => f.Message.Contains("is in no field security profile"));
    }

    [Fact]
    public void A_profile_that_reads_the_judgement_on_every_session_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(Profiles, xml => xml.Replace("<CanRead>0</CanRead>", "<CanRead>4</CanRead>"));

        var errors = Errors(repo, Rules.SensitiveColumns);

        errors.Should().HaveCount(SecurityRules.SensitiveColumns.Count);
        errors.Should().OnlyContain(f => f.Message.Contains("Field security profile 'Coaching judgement' lets its holders read") && f.Message.Contains("a coach of another team would see the judgement"));
    }

    [Fact]
    public void Without_the_session_sharing_step_the_check_fails()
    {
        using var repo = TempRepo.Create();
        File.Delete(repo.PathOf("Solution/src/SdkMessageProcessingSteps/{55ab1445-2c81-456d-a1d2-2663a9acbbad}.xml"));

        Errors(repo, Rules.SensitiveColumns).Should().ContainSingle(f => f.Message.Contains("No step runs Coaching.Plugins.EntryPoints.SessionSharingPlugin on Create of coach_microcoachingsession"));
    }

    private static System.Collections.Generic.IReadOnlyList<Finding> Errors(TempRepo repo, string rule) =>
        Check(repo.Layout).For(rule).Where(f => f.Severity == Severity.Error).ToList();

    private static string UnsecureColumn(string xml, string column) =>
        EditColumn(xml, column, attribute => attribute.Replace("<IsSecured>1</IsSecured>", "<IsSecured>0</IsSecured>"));

    private static string EditColumn(string xml, string column, System.Func<string, string> edit)
    {
        var start = xml.IndexOf($"<attribute PhysicalName=\"{column}\">", System.StringComparison.Ordinal);
        var end = xml.IndexOf("</attribute>", start, System.StringComparison.Ordinal);
        var edited = edit(xml[start..end]);
        edited.Should().NotBe(xml[start..end], "the seeded mistake must change the column");
        return xml[..start] + edited + xml[end..];
    }
}
