namespace Acteon.Gateway.Api.Tests.Hardening;

/// <summary>A trigger that makes PostgreSQL refuse audit rows of action type "poison" (SQLSTATE P0001), as a constraint would.</summary>
public static class PoisonTrigger
{
    public const string PostgresSql = """
        CREATE FUNCTION no_poison() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.action_type = 'poison' THEN RAISE EXCEPTION 'no poison here'; END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER no_poison BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION no_poison();
        """;
}
