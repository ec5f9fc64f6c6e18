import Testing
import WhittleShell

@Suite("Assignments")
struct AssignmentTests {
    @Test func assignmentPrefix() throws {
        let script = parse("DEBIAN_FRONTEND=noninteractive TZ='Etc/UTC' apt-get install -y tzdata")
        let command = script.commands[0]
        #expect(command.assignments.map(\.name) == ["DEBIAN_FRONTEND", "TZ"])
        #expect(command.assignments.map(\.value.literal) == ["noninteractive", "Etc/UTC"])
        #expect(command.name == "apt-get")
        #expect(!command.isBareAssignment)
        #expect(script.text(command.assignments[1].range) == "TZ='Etc/UTC'")
        #expect(script.text(command.assignments[1].nameRange) == "TZ")
        #expect(script.text(command.assignments[1].value.range) == "'Etc/UTC'")
        #expect(script.packageManagerCommands.first?.action == .install)
    }

    @Test func bareAssignments() {
        let script = parse("A=1 B=\"two words\" C=")
        let command = script.commands[0]
        #expect(command.isBareAssignment)
        #expect(command.words.isEmpty)
        #expect(command.assignments.map(\.value.literal) == ["1", "two words", ""])
        #expect(command.assignments[2].value.range == 20..<20)
    }

    @Test func appendAssignment() {
        let assignment = parse("PATH+=:/opt/bin").commands[0].assignments[0]
        #expect(assignment.isAppend)
        #expect(assignment.name == "PATH")
        #expect(assignment.value.literal == ":/opt/bin")
    }

    @Test func assignmentAfterCommandNameIsAWord() {
        let script = parse("export A=1 B=$X; env C=2 printenv")
        #expect(script.commands[0].assignments.isEmpty)
        #expect(script.commands[0].args.map(\.raw) == ["A=1", "B=$X"])
        #expect(script.commands[1].assignments.isEmpty)
    }

    @Test func quotedNameIsNotAnAssignment() {
        let script = parse("\"A\"=1 x")
        #expect(script.commands[0].assignments.isEmpty)
        #expect(script.commands[0].name == "A=1")
    }

    @Test func substitutionInAssignmentKnowsItsVariable() {
        let script = parse("savedAptMark=\"$(apt-mark showmanual)\"; dir=$(mktemp -d) cmd")
        #expect(script.commands[1].context.assignmentTarget == "savedAptMark")
        #expect(script.commands[1].context.parentCommand == 0)
        #expect(script.commands[3].context.assignmentTarget == "dir")
        #expect(script.commands[3].temporaryFile?.assignedVariable == "dir")
    }

    @Test func tildeInAssignmentValue() {
        let assignment = parse("P=~/bin").commands[0].assignments[0]
        #expect(assignment.value.hasTilde)
    }

    @Test func arraysAreUnsupported() {
        #expect(parse("a=(1 2)").opaque == .unsupported(.arrayAssignment, at: 2))
        #expect(parse("declare -a a=(1 2)").opaque == .unsupported(.arrayAssignment, at: 13))
        #expect(parse("a[1]=x").opaque == .unsupported(.arrayElementAssignment, at: 0))
        #expect(parse("a+=(x)").opaque == .unsupported(.arrayAssignment, at: 3))
    }
}
