package draft
import ("fmt";"testing";"handoff/core/source";"handoff/core/note")
func TestNoteTmp(t *testing.T){
 th,_:=source.Read(source.Payload{Source:"zendesk",Files:zendesk500()})
 n,_:=Offline(th,Options{})
 b:=note.Markdown(n)
 fmt.Println(len(b)); fmt.Println(b[:min(len(b),6000)])
}
