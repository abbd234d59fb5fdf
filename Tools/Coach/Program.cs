namespace Coach;

public static class Program
{
    public static int Main(string[] args)
    {
        System.Console.Error.WriteLine("coach: commands arrive with their issues (simulate, icp, pack, check, deploy).");
        return 2;
    }
}
