namespace Coach.Tests.Checks;

internal static class CustomizationRulesAccess
{
    public static string? ReadDefaultJson(string code) => Coach.Checks.DefaultJsonReader.Read(code);
}
