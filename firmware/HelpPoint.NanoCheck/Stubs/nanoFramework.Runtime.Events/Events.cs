// Stub of nanoFramework.Runtime.Events 1.11.37 (assembly nanoFramework.Runtime.Events): the published signatures the firmware uses, bodies that throw.
// Compared member for member (names, parameter and return types, base types, enum values) with
// github.com/nanoframework/nanoFramework.Runtime.Events at v1.11.37 (commit 6dd93c1477be4198a087243e00abbb5680b059a3).
namespace nanoFramework.Runtime.Events
{
    public class BaseEvent
    {
    }
}
