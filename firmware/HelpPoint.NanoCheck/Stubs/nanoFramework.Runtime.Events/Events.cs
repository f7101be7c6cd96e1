// Stub of nanoFramework.Runtime.Events 1.11.37 (assembly nanoFramework.Runtime.Events).
namespace nanoFramework.Runtime.Events
{
    public class BaseEvent
    {
    }
}
