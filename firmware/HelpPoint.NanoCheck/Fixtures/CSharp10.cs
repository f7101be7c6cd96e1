// A C# 10 feature the device compiler (C# 9) refuses: the check must say so on the marked line.
namespace Fixture; // expect: CS8773

public class FileScoped
{
}
