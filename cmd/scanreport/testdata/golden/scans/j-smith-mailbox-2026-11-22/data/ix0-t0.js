packed data file holding:
{
 "k": "ixt",
 "scan": "j-smith-mailbox-2026-11-22",
 "gen": 0,
 "shard": 0
}
its body, trigrams and their blocks:
"\u0002+4" AA==
"\u000217" AA==
"\u000220" AA==
"\u000280" AA==
"\u0002ac" AA==
"\u0002at" AA==
"\u0002au" AA==
"\u0002bo" AA==
"\u0002cn" AA==
"\u0002cv" AA==
"\u0002do" AA==
"\u0002ga" AA==
"\u0002gi" AA==
"\u0002gr" AA==
"\u0002ht" AA==
"\u0002j " AA==
"\u0002j." AA==
"\u0002ke" AA==
"\u0002me" AA==
"\u0002ms" AA==
"\u0002no" AA==
"\u0002si" AA==
"\u0002sl" AA==
"\u0002te" AA==
"\u0002tw" AA==
"\u0002v=" AA==
"\u0002{\"" AA==
"\n\u003cs" AA==
"\n\u003e\u003e" AA==
"\nco" AA==
"\ncr" AA==
"\ndn" AA==
"\ndo" AA==
"\nna" AA==
"\nre" AA==
"\nse" AA==
"\nup" AA==
"\r\n\u0003" AA==
"\r\nc" AA==
"\r\ns" AA==
" \"a" AA==
" \"c" AA==
" \"d" AA==
" \"m" AA==
" \"s" AA==
" \"t" AA==
" \"x" AA==
" (c" AA==
" +1" AA==
" 02" AA==
" 11" AA==
" 20" AA==
" 22" AA==
" 79" AA==
" \u003c\u003c" AA==
" [a" AA==
" [e" AA==
" ab" AA==
" ac" AA==
" am" AA==
" bl" AA==
" bu" AA==
" ce" AA==
" ch" AA==
" cl" AA==
" co" AA==
" da" AA==
" do" AA==
" em" AA==
" ex" AA==
" ga" AA==
" gm" AA==
" ht" AA==
" hu" AA==
" id" AA==
" im" AA==
" in" AA==
" ip" AA==
" la" AA==
" na" AA==
" no" AA==
" ns" AA==
" of" AA==
" ok" AA==
" or" AA==
" ph" AA==
" sa" AA==
" se" AA==
" si" AA==
" sm" AA==
" so" AA==
" st" AA==
" te" AA==
" un" AA==
" up" AA==
" us" AA==
" vi" AA==
" wh" AA==
" ~a" AA==
"\", " AA==
"\": " AA==
"\"ap" AA==
"\"co" AA==
"\"da" AA==
"\"ma" AA==
"\"sa" AA==
"\"se" AA==
"\"st" AA==
"\"su" AA==
"\"te" AA==
"\"x-" AA==
"\"}\u0003" AA==
"#cl" AA==
"(ca" AA==
")\n\u003c" AA==
"+1." AA==
"+44" AA==
", \"" AA==
", 2" AA==
", c" AA==
", s" AA==
", u" AA==
", v" AA==
"-0\u0003" AA==
"-0." AA==
"-00" AA==
"-08" AA==
"-10" AA==
"-11" AA==
"-15" AA==
"-17" AA==
"-19" AA==
"-20" AA==
"-22" AA==
"-28" AA==
"-4d" AA==
"-51" AA==
"-5a" AA==
"-6f" AA==
"-79" AA==
"-8\u0003" AA==
"-8\r" AA==
"-8\"" AA==
"-96" AA==
"-9c" AA==
"-ag" AA==
"-co" AA==
"-do" AA==
"-fr" AA==
"-op" AA==
"-re" AA==
"-se" AA==
"-tr" AA==
"-ty" AA==
"-ve" AA==
"-vr" AA==
".0." AA==
".0/" AA==
".1 " AA==
".1\"" AA==
".10" AA==
".18" AA==
".36" AA==
".44" AA==
".52" AA==
".55" AA==
".7\u0003" AA==
".7:" AA==
".89" AA==
".ac" AA==
".aw" AA==
".b7" AA==
".co" AA==
".do" AA==
".ex" AA==
".fa" AA==
".go" AA==
".gr" AA==
".ht" AA==
".io" AA==
".js" AA==
".mc" AA==
".ne" AA==
".or" AA==
".pd" AA==
".sl" AA==
".sm" AA==
".te" AA==
".uk" AA==
"//a" AA==
"//e" AA==
"//g" AA==
"//h" AA==
"//i" AA==
"//k" AA==
"//m" AA==
"//t" AA==
"//w" AA==
"/1." AA==
"/10" AA==
"/16" AA==
"/20" AA==
"/@j" AA==
"/ac" AA==
"/ap" AA==
"/as" AA==
"/bl" AA==
"/ca" AA==
"/do" AA==
"/en" AA==
"/ep" AA==
"/gi" AA==
"/ha" AA==
"/ht" AA==
"/hu" AA==
"/ic" AA==
"/js" AA==
"/ke" AA==
"/le" AA==
"/lo" AA==
"/lu" AA==
"/me" AA==
"/ne" AA==
"/pa" AA==
"/po" AA==
"/pr" AA==
"/sf" AA==
"/si" AA==
"/st" AA==
"/su" AA==
"/sy" AA==
"/tw" AA==
"/u/" AA==
"/v1" AA==
"/ww" AA==
"0\nd" AA==
"0 7" AA==
"0 g" AA==
"0 o" AA==
"0 ~" AA==
"0-1" AA==
"0.0" AA==
"0.3" AA==
"0.a" AA==
"0.c" AA==
"0.n" AA==
"0.o" AA==
"0/1" AA==
"0/p" AA==
"00\u0003" AA==
"00\n" AA==
"00 " AA==
"00." AA==
"000" AA==
"00;" AA==
"010" AA==
"019" AA==
"021" AA==
"024" AA==
"025" AA==
"026" AA==
"04." AA==
"05." AA==
"053" AA==
"075" AA==
"08-" AA==
"09f" AA==
"0:2" AA==
"0:4" AA==
"0; " AA==
"0a2" AA==
"1 2" AA==
"1 i" AA==
"1\"," AA==
"1-2" AA==
"1-6" AA==
"1.1" AA==
"1.5" AA==
"1/1" AA==
"1/l" AA==
"1/m" AA==
"10-" AA==
"10/" AA==
"100" AA==
"102" AA==
"104" AA==
"105" AA==
"11-" AA==
"11:" AA==
"12." AA==
"134" AA==
"139" AA==
"15\u0003" AA==
"153" AA==
"15:" AA==
"16\u0003" AA==
"170" AA==
"172" AA==
"18\u0003" AA==
"180" AA==
"19-" AA==
"19/" AA==
"195" AA==
"197" AA==
"1:1" AA==
"1:2" AA==
"1b7" AA==
"1mk" AA==
"2 n" AA==
"2-5" AA==
"2.1" AA==
"2.a" AA==
"20 " AA==
"20." AA==
"200" AA==
"201" AA==
"202" AA==
"205" AA==
"21\u0003" AA==
"21-" AA==
"21/" AA==
"213" AA==
"21:" AA==
"22\u0003" AA==
"22 " AA==
"22t" AA==
"24." AA==
"25-" AA==
"26 " AA==
"26-" AA==
"262" AA==
"283" AA==
"2b8" AA==
"2c5" AA==
"2t1" AA==
"2xw" AA==
"3\r\n" AA==
"315" AA==
"321" AA==
"34\u0003" AA==
"344" AA==
"347" AA==
"34z" AA==
"36." AA==
"360" AA==
"395" AA==
"3cy" AA==
"3f-" AA==
"4 2" AA==
"4.1" AA==
"4.7" AA==
"4.a" AA==
"4.h" AA==
"43\u0003" AA==
"44 " AA==
"44." AA==
"443" AA==
"44_" AA==
"453" AA==
"46 " AA==
"471" AA==
"482" AA==
"4:2" AA==
"4_d" AA==
"4c9" AA==
"4d8" AA==
"4hq" AA==
"4z\n" AA==
"4z " AA==
"5-1" AA==
"5.4" AA==
"501" AA==
"509" AA==
"512" AA==
"518" AA==
"52c" AA==
"532" AA==
"534" AA==
"536" AA==
"550" AA==
"555" AA==
"57\u0003" AA==
"5:3" AA==
"5a3" AA==
"5c6" AA==
"5f9" AA==
"6 0" AA==
"6 1" AA==
"6-0" AA==
"6-1" AA==
"6.0" AA==
"6.1" AA==
"6.a" AA==
"6.j" AA==
"600" AA==
"62\u0003" AA==
"67." AA==
"6b." AA==
"6f0" AA==
"7.p" AA==
"704" AA==
"713" AA==
"72." AA==
"75\u0003" AA==
"76." AA==
"781" AA==
"794" AA==
"799" AA==
"7:4" AA==
"7de" AA==
"7e1" AA==
"7e4" AA==
"7nv" AA==
"8\r\n" AA==
"8\"," AA==
"8-2" AA==
"80\u0003" AA==
"80 " AA==
"807" AA==
"80:" AA==
"81\u0003" AA==
"821" AA==
"834" AA==
"851" AA==
"891" AA==
"8d7" AA==
"8e-" AA==
"8pl" AA==
"9-1" AA==
"9.h" AA==
"9/1" AA==
"919" AA==
"92-" AA==
"946" AA==
"950" AA==
"957" AA==
"967" AA==
"976" AA==
"978" AA==
"99." AA==
"9c2" AA==
"9f." AA==
"9tb" AA==
": \"" AA==
": +" AA==
": 2" AA==
": a" AA==
": b" AA==
": c" AA==
": g" AA==
": i" AA==
": n" AA==
": s" AA==
": t" AA==
": u" AA==
": w" AA==
"://" AA==
":15" AA==
":20" AA==
":21" AA==
":22" AA==
":34" AA==
":44" AA==
":_s" AA==
":ma" AA==
":se" AA==
"; c" AA==
"; i" AA==
"\u003c/s" AA==
"\u003c\u003c\u0003" AA==
"\u003c\u003c\u003c" AA==
"\u003csf" AA==
"=1b" AA==
"=31" AA==
"=45" AA==
"=4h" AA==
"=85" AA==
"=ac" AA==
"=ms" AA==
"=sp" AA==
"=ut" AA==
"\u003e l" AA==
"\u003e\u003e " AA==
"\u003e\u003e\u003e" AA==
"\u003eht" AA==
"?id" AA==
"@ac" AA==
"@ex" AA==
"@js" AA==
"[ad" AA==
"[ap" AA==
"[ex" AA==
"_co" AA==
"_do" AA==
"_sp" AA==
"a, " AA==
"a2b" AA==
"a3f" AA==
"a?i" AA==
"aba" AA==
"abu" AA==
"acc" AA==
"ace" AA==
"ach" AA==
"acm" AA==
"act" AA==
"ado" AA==
"ads" AA==
"age" AA==
"ail" AA==
"ain" AA==
"al\u0003" AA==
"al " AA==
"al)" AA==
"all" AA==
"ama" AA==
"ame" AA==
"amp" AA==
"an-" AA==
"and" AA==
"ani" AA==
"ann" AA==
"ans" AA==
"ant" AA==
"apa" AA==
"api" AA==
"apo" AA==
"app" AA==
"ar " AA==
"ar." AA==
"ar:" AA==
"arb" AA==
"are" AA==
"ars" AA==
"art" AA==
"as\u0003" AA==
"as\n" AA==
"ase" AA==
"ass" AA==
"ast" AA==
"ata" AA==
"ate" AA==
"ati" AA==
"atl" AA==
"atu" AA==
"aut" AA==
"ava" AA==
"aws" AA==
"ax-" AA==
"azo" AA==
"b (" AA==
"b.c" AA==
"b.d" AA==
"b.j" AA==
"b3c" AA==
"b7d" AA==
"b7e" AA==
"b8d" AA==
"bas" AA==
"bdo" AA==
"be]" AA==
"bit" AA==
"blo" AA==
"boo" AA==
"bor" AA==
"boy" AA==
"bus" AA==
"c/j" AA==
"c21" AA==
"c5f" AA==
"c6b" AA==
"c92" AA==
"c: " AA==
"can" AA==
"car" AA==
"cat" AA==
"cco" AA==
"ceb" AA==
"cen" AA==
"ch)" AA==
"cha" AA==
"che" AA==
"cia" AA==
"cke" AA==
"cli" AA==
"clo" AA==
"clu" AA==
"cme" AA==
"cn=" AA==
"co." AA==
"cod" AA==
"com" AA==
"con" AA==
"cor" AA==
"cou" AA==
"cov" AA==
"coy" AA==
"cre" AA==
"cs?" AA==
"csv" AA==
"ct " AA==
"ct-" AA==
"cti" AA==
"cts" AA==
"cur" AA==
"cus" AA==
"cve" AA==
"cy6" AA==
"d\nd" AA==
"d\nn" AA==
"d\nr" AA==
"d d" AA==
"d h" AA==
"d s" AA==
"d7e" AA==
"d8e" AA==
"d: " AA==
"d=4" AA==
"d=8" AA==
"dat" AA==
"de5" AA==
"de:" AA==
"del" AA==
"des" AA==
"df\u0003" AA==
"di " AA==
"dia" AA==
"din" AA==
"dis" AA==
"diu" AA==
"dns" AA==
"dob" AA==
"doc" AA==
"dom" AA==
"dow" AA==
"ds/" AA==
"dto" AA==
"duc" AA==
"e\nr" AA==
"e\r\n" AA==
"e (" AA==
"e [" AA==
"e c" AA==
"e o" AA==
"e s" AA==
"e\":" AA==
"e, " AA==
"e-2" AA==
"e-9" AA==
"e-c" AA==
"e-o" AA==
"e-r" AA==
"e.c" AA==
"e.i" AA==
"e.n" AA==
"e/1" AA==
"e/a" AA==
"e/b" AA==
"e/c" AA==
"e/l" AA==
"e/n" AA==
"e/p" AA==
"e/s" AA==
"e15" AA==
"e4c" AA==
"e5c" AA==
"e: " AA==
"e:_" AA==
"e:m" AA==
"e:s" AA==
"e=3" AA==
"e@e" AA==
"e]\u0003" AA==
"eat" AA==
"ebo" AA==
"ec:" AA==
"ech" AA==
"ect" AA==
"ecu" AA==
"ed\n" AA==
"ed " AA==
"edi" AA==
"eer" AA==
"ega" AA==
"egi" AA==
"ego" AA==
"ele" AA==
"ema" AA==
"ems" AA==
"en." AA==
"ent" AA==
"eor" AA==
"epp" AA==
"epr" AA==
"er " AA==
"er\"" AA==
"er." AA==
"er:" AA==
"eri" AA==
"erp" AA==
"ers" AA==
"erv" AA==
"es\u0003" AA==
"es)" AA==
"esh" AA==
"esi" AA==
"ess" AA==
"est" AA==
"esu" AA==
"et\n" AA==
"et " AA==
"et/" AA==
"et=" AA==
"ete" AA==
"ets" AA==
"ews" AA==
"exa" AA==
"exp" AA==
"ext" AA==
"eyb" AA==
"f w" AA==
"f-4" AA==
"f-8" AA==
"f.g" AA==
"f.j" AA==
"f0a" AA==
"f1 " AA==
"f97" AA==
"fac" AA==
"fer" AA==
"fic" AA==
"fra" AA==
"fur" AA==
"g\nn" AA==
"g i" AA==
"g)\n" AA==
"g/2" AA==
"g/e" AA==
"gal" AA==
"gan" AA==
"gap" AA==
"ge=" AA==
"ges" AA==
"gin" AA==
"gis" AA==
"git" AA==
"gle" AA==
"gmt" AA==
"gn." AA==
"gn=" AA==
"gne" AA==
"goo" AA==
"gor" AA==
"gra" AA==
"gun" AA==
"h)\n" AA==
"h\u003c/" AA==
"h@a" AA==
"har" AA==
"hde" AA==
"he-" AA==
"hib" AA==
"hoi" AA==
"hon" AA==
"hq8" AA==
"htm" AA==
"htt" AA==
"hub" AA==
"i s" AA==
"i/v" AA==
"ia," AA==
"ia?" AA==
"ial" AA==
"ian" AA==
"ibi" AA==
"ic/" AA==
"ica" AA==
"ics" AA==
"ict" AA==
"id:" AA==
"id=" AA==
"ide" AA==
"ien" AA==
"ifi" AA==
"igi" AA==
"ign" AA==
"il:" AA==
"ilg" AA==
"ilv" AA==
"ima" AA==
"in " AA==
"in\"" AA==
"in-" AA==
"in_" AA==
"inc" AA==
"ine" AA==
"ing" AA==
"ini" AA==
"ins" AA==
"io/" AA==
"ion" AA==
"ip4" AA==
"irg" AA==
"iry" AA==
"is " AA==
"is." AA==
"is]" AA==
"isc" AA==
"ist" AA==
"ite" AA==
"ith" AA==
"itt" AA==
"ity" AA==
"ium" AA==
"iza" AA==
"j s" AA==
"j.s" AA==
"js\u0003" AA==
"js/" AA==
"jsm" AA==
"k\nn" AA==
"k\r\n" AA==
"k.c" AA==
"k9t" AA==
"ker" AA==
"key" AA==
"l s" AA==
"l)\n" AA==
"l: " AA==
"l; " AA==
"l\u003e\u0003" AA==
"l\u003eh" AA==
"las" AA==
"le\u0003" AA==
"le\n" AA==
"le " AA==
"le-" AA==
"le." AA==
"le/" AA==
"leg" AA==
"let" AA==
"lgu" AA==
"lid" AA==
"lie" AA==
"ll\u0003" AA==
"llo" AA==
"lo]" AA==
"loa" AA==
"log" AA==
"los" AA==
"lud" AA==
"lun" AA==
"lve" AA==
"lz2" AA==
"m\nd" AA==
"m (" AA==
"m i" AA==
"m-v" AA==
"m.c" AA==
"m/@" AA==
"m/d" AA==
"m/j" AA==
"m/u" AA==
"mag" AA==
"mai" AA==
"max" AA==
"maz" AA==
"mcs" AA==
"me " AA==
"me-" AA==
"me:" AA==
"med" AA==
"meo" AA==
"mit" AA==
"mk9" AA==
"ml\u0003" AA==
"ml;" AA==
"mpl" AA==
"ms-" AA==
"ms4" AA==
"ms=" AA==
"mt\"" AA==
"n\nr" AA==
"n d" AA==
"n i" AA==
"n n" AA==
"n s" AA==
"n\"," AA==
"n, " AA==
"n-d" AA==
"n-v" AA==
"n.g" AA==
"n.o" AA==
"n.t" AA==
"n: " AA==
"n=1" AA==
"n=4" AA==
"n=a" AA==
"n_c" AA==
"nam" AA==
"nar" AA==
"ncl" AA==
"ndi" AA==
"ne:" AA==
"nec" AA==
"ned" AA==
"ner" AA==
"nes" AA==
"net" AA==
"new" AA==
"ng)" AA==
"nga" AA==
"nia" AA==
"nit" AA==
"niz" AA==
"nlo" AA==
"nn." AA==
"nne" AA==
"nor" AA==
"nov" AA==
"ns\"" AA==
"ns-" AA==
"ns3" AA==
"nsf" AA==
"nsi" AA==
"nsp" AA==
"nss" AA==
"nt\u0003" AA==
"nt " AA==
"nt-" AA==
"nt/" AA==
"nta" AA==
"ntd" AA==
"nte" AA==
"ntr" AA==
"ntt" AA==
"nv1" AA==
"o.u" AA==
"o/j" AA==
"o]\u0003" AA==
"oad" AA==
"obe" AA==
"oci" AA==
"ock" AA==
"ocu" AA==
"odi" AA==
"odu" AA==
"of " AA==
"og)" AA==
"og/" AA==
"ogi" AA==
"ogl" AA==
"ohi" AA==
"ois" AA==
"ok\r" AA==
"ok." AA==
"oll" AA==
"om\n" AA==
"om " AA==
"om-" AA==
"om/" AA==
"oma" AA==
"on " AA==
"on," AA==
"on:" AA==
"on=" AA==
"one" AA==
"onn" AA==
"ons" AA==
"ont" AA==
"oog" AA==
"ook" AA==
"opt" AA==
"or-" AA==
"ore" AA==
"org" AA==
"ori" AA==
"orp" AA==
"ort" AA==
"ory" AA==
"ose" AA==
"ost" AA==
"ote" AA==
"oun" AA==
"ov " AA==
"ove" AA==
"own" AA==
"oyd" AA==
"oyo" AA==
"p\nr" AA==
"p#c" AA==
"p.5" AA==
"p.8" AA==
"p.b" AA==
"p.e" AA==
"p/1" AA==
"p4:" AA==
"pac" AA==
"par" AA==
"pda" AA==
"pdf" AA==
"pe\"" AA==
"pe:" AA==
"pf." AA==
"pf1" AA==
"pho" AA==
"pi/" AA==
"pir" AA==
"ple" AA==
"plz" AA==
"pol" AA==
"por" AA==
"pos" AA==
"pp#" AA==
"pp." AA==
"ppo" AA==
"pro" AA==
"ps:" AA==
"pti" AA==
"q8p" AA==
"r (" AA==
"r a" AA==
"r h" AA==
"r w" AA==
"r\":" AA==
"r-1" AA==
"r.a" AA==
"r.c" AA==
"r.h" AA==
"r.n" AA==
"r7n" AA==
"r: " AA==
"ral" AA==
"ram" AA==
"ran" AA==
"rar" AA==
"rav" AA==
"rbo" AA==
"re\u0003" AA==
"re " AA==
"re," AA==
"re." AA==
"rea" AA==
"ree" AA==
"reg" AA==
"rg\n" AA==
"rg " AA==
"rg/" AA==
"rga" AA==
"rgi" AA==
"ric" AA==
"rif" AA==
"rig" AA==
"rit" AA==
"rl\u003e" AA==
"rod" AA==
"roh" AA==
"rp\n" AA==
"rp." AA==
"rpr" AA==
"rs." AA==
"rs/" AA==
"rse" AA==
"rsn" AA==
"rt\u0003" AA==
"rt-" AA==
"rth" AA==
"rtn" AA==
"rve" AA==
"ry " AA==
"ry:" AA==
"s\n\u003e" AA==
"s\nr" AA==
"s d" AA==
"s s" AA==
"s\":" AA==
"s\"}" AA==
"s)\n" AA==
"s-0" AA==
"s-1" AA==
"s-5" AA==
"s-7" AA==
"s-9" AA==
"s.e" AA==
"s.m" AA==
"s/2" AA==
"s/a" AA==
"s/h" AA==
"s/j" AA==
"s/l" AA==
"s/s" AA==
"s3\r" AA==
"s48" AA==
"s: " AA==
"s:/" AA==
"s=m" AA==
"s?i" AA==
"s]\u0003" AA==
"sam" AA==
"sas" AA==
"sco" AA==
"sdn" AA==
"se\r" AA==
"se " AA==
"se." AA==
"se:" AA==
"se@" AA==
"sec" AA==
"ser" AA==
"set" AA==
"sfe" AA==
"sfu" AA==
"sha" AA==
"sia" AA==
"sig" AA==
"sil" AA==
"sin" AA==
"sli" AA==
"smi" AA==
"sn\n" AA==
"soc" AA==
"spf" AA==
"spo" AA==
"ss)" AA==
"sse" AA==
"ssi" AA==
"st\u0003" AA==
"st " AA==
"st-" AA==
"sta" AA==
"ste" AA==
"sti" AA==
"str" AA==
"sub" AA==
"sun" AA==
"sup" AA==
"sv." AA==
"sys" AA==
"t\nn" AA==
"t\nr" AA==
"t\nu" AA==
"t c" AA==
"t e" AA==
"t i" AA==
"t o" AA==
"t p" AA==
"t u" AA==
"t\"," AA==
"t-0" AA==
"t-2" AA==
"t-s" AA==
"t-t" AA==
"t/h" AA==
"t/j" AA==
"t/s" AA==
"t11" AA==
"t=u" AA==
"tab" AA==
"tac" AA==
"tar" AA==
"tat" AA==
"tb3" AA==
"tde" AA==
"te " AA==
"te\"" AA==
"te/" AA==
"te:" AA==
"tec" AA==
"ted" AA==
"teg" AA==
"tem" AA==
"ten" AA==
"tep" AA==
"ter" AA==
"tes" AA==
"tex" AA==
"tf-" AA==
"th\u0003" AA==
"th\u003c" AA==
"th@" AA==
"thd" AA==
"thu" AA==
"tic" AA==
"tio" AA==
"tis" AA==
"tla" AA==
"tml" AA==
"tne" AA==
"tod" AA==
"ton" AA==
"tp/" AA==
"tps" AA==
"tra" AA==
"tri" AA==
"try" AA==
"ts/" AA==
"tte" AA==
"ttp" AA==
"ttr" AA==
"tus" AA==
"twi" AA==
"ty\"" AA==
"typ" AA==
"u/j" AA==
"ub " AA==
"ub." AA==
"ubd" AA==
"uct" AA==
"ude" AA==
"uk\n" AA==
"um " AA==
"um." AA==
"un," AA==
"un." AA==
"una" AA==
"uni" AA==
"uns" AA==
"unt" AA==
"upd" AA==
"upp" AA==
"uri" AA==
"url" AA==
"us\n" AA==
"us:" AA==
"use" AA==
"usi" AA==
"utf" AA==
"uto" AA==
"v 2" AA==
"v.n" AA==
"v1/" AA==
"v1m" AA==
"v=s" AA==
"vat" AA==
"ve-" AA==
"ver" AA==
"vir" AA==
"vrs" AA==
"w.f" AA==
"w.s" AA==
"who" AA==
"wit" AA==
"wnl" AA==
"wr7" AA==
"ws/" AA==
"wsd" AA==
"ww." AA==
"www" AA==
"x-a" AA==
"x-f" AA==
"xac" AA==
"xam" AA==
"xpi" AA==
"xt/" AA==
"xwr" AA==
"y d" AA==
"y e" AA==
"y\":" AA==
"y6\u0003" AA==
"y: " AA==
"yba" AA==
"ydt" AA==
"yot" AA==
"ype" AA==
"yst" AA==
"z\nc" AA==
"z\nr" AA==
"z \u003c" AA==
"z2x" AA==
"zat" AA==
"zon" AA==
"{\"s" AA==
"~al" AA==
