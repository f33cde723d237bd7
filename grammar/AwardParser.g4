// The syntax of the Award language. The tokens are in AwardLexer.g4.
parser grammar AwardParser;

options { tokenVocab = AwardLexer; }

file
  : (policyHeader | moduleHeader)? useDecl* decl* EOF
  ;

policyHeader : K_POLICY name=policyId title=text? block=settingsBlock? ;
policyId     : ident (MINUS (ident | INT))* ;   // daqing-2018, written without spaces
moduleHeader : K_MODULE name=qualifiedName title=text? ;
useDecl      : K_USE qualifiedName SEMI? ;
qualifiedName : ident (DOT ident)* ;

settingsBlock : LBRACE setting* RBRACE ;
setting       : key=ident settingValue (COMMA settingValue)* SEMI? ;
settingValue  : literal | ident ;

decl
  : enumDecl
  | recordDecl
  | articleDecl
  | testDecl
  | statement          // outside any article: parsed so that the checker can say so
  ;

enumDecl   : K_ENUM name=ident K_ORDERED? title=text? LBRACE enumMember (COMMA enumMember)* COMMA? RBRACE ;
enumMember : name=ident title=text? ;
recordDecl : K_RECORD name=ident title=text? LBRACE fieldDecl* RBRACE ;
fieldDecl  : name=ident COLON typeRef bounds=fieldBounds? title=text? SEMI? ;
fieldBounds : K_IN lo=signedNumber DOTDOT hi=signedNumber ;   // score: number in 0..1000
signedNumber : MINUS? number ;
typeRef    : K_OPTIONAL? (K_LIST K_OF typeRef | ident) ;

articleDecl : K_ARTICLE label=articleLabel forClause? body=text? articleBlock? ;
articleLabel : ident | INT ;
forClause   : K_FOR ident (COMMA ident)* ;
articleBlock : LBRACE articleMember* RBRACE ;
articleMember : itemDecl | forGroup | statement ;
// Rules for some of the awards only, under the reference of the enclosing
// article or item: a provision that binds organisations and individuals alike.
forGroup    : forClause articleBlock ;
itemDecl    : K_ITEM label=itemLabel forClause? body=text? (articleBlock | COLON statement)? ;
itemLabel   : ITEM_LABEL | INT | ident ;

statement
  : requireStmt
  | excludeStmt
  | judgementStmt
  | awardDecl
  | bonusStmt
  | revokeStmt
  | deadlineStmt
  | retainStmt
  | scoringStmt
  | scoreStmt
  | minimumStmt
  | shortlistStmt
  | repeatStmt
  ;

requireStmt   : K_REQUIRE body=expr whenClause? exceptClause* SEMI? ;
excludeStmt   : K_EXCLUDE body=expr whenClause? exceptClause* SEMI? ;
whenClause    : K_WHEN expr ;
exceptClause  : K_EXCEPT K_WHEN cond=expr (K_THEN body=expr)? ;
judgementStmt : K_JUDGEMENT name=ident body=text whenClause? SEMI? ;
awardDecl     : K_AWARD name=ident title=text K_FOR subject=ident block=settingsBlock? ;
// `bonus quality 800000 yuan`; `bonus "金华市人民政府质量奖" 1000000 yuan` for an award
// of another level won in the cycle; a text instead of an amount when the
// measure does not fix it.
bonusStmt     : K_BONUS (award=ident | title=STRING) amount=expr flags+=ident* whenClause? SEMI? ;
revokeStmt    : K_REVOKE ident (COMMA ident)* K_WHEN cond=expr (K_THEN consequence (COMMA consequence)*)? SEMI? ;
consequence   : ident expr? ;
deadlineStmt  : K_DEADLINE name=ident body=text? duration=expr (K_AFTER event=text)? SEMI? ;
retainStmt    : K_RETAIN name=ident duration=expr SEMI? ;
// Ranking (docs/language.md, "Scoring and ranking").
scoringStmt   : K_SCORING scheme=ident SEMI? ;                                   // scoring gbt19580
scoreStmt     : K_SCORE ident (COMMA ident)* COLON weightTerm (PLUS weightTerm)* SEMI? ;  // score quality: material 30% + site 70%
weightTerm    : part=ident weight=number PERCENT ;
minimumStmt   : K_MINIMUM award=ident total=number SEMI? ;                      // minimum quality 610
shortlistStmt : K_SHORTLIST ident (COMMA ident)* places=INT SEMI? ;              // shortlist quality, innovation 8
repeatStmt    : K_REPEAT ident (COMMA ident)* K_THEN flags+=ident (COMMA flags+=ident)* SEMI? ;  // repeat quality then outside_quota, no_bonus

testDecl   : K_TEST name=text LBRACE testEntry* RBRACE ;
testEntry
  : K_GIVEN (fixture=text | inlineFacts=jsonObject) (K_WITH patch=jsonObject)? SEMI?   # givenEntry
  | K_ON DATE SEMI?                                                             # onEntry
  | K_EXPECT award=ident verdict=ident (K_BECAUSE ref (COMMA ref)*)? SEMI?      # expectEntry
  ;
ref : articleLabel (ITEM_LABEL | INT)* ;

jsonObject : LBRACE (jsonPair (COMMA jsonPair)*)? RBRACE ;
jsonPair   : key=STRING COLON jsonValue ;
jsonValue  : STRING | MINUS? (INT | DECIMAL) | DATE | K_TRUE | K_FALSE | ident | jsonObject | jsonArray ;
jsonArray  : LBRACK (jsonValue (COMMA jsonValue)*)? RBRACK ;

// Operators from the tightest to the loosest.
expr
  : primary                                                     # primaryExpr
  | expr DOT ident                                              # fieldExpr
  | MINUS expr                                                  # negExpr
  | expr op=(STAR | SLASH) expr                                 # mulExpr
  | expr op=(PLUS | MINUS) expr                                 # addExpr
  | expr K_WITHIN span=expr dir=(K_BEFORE | K_AFTER) anchor=expr   # withinExpr
  | expr K_IS K_NOT? K_SET                                      # isSetExpr
  | expr op=(EQ | NE | LT | LE | GT | GE) expr                  # cmpExpr
  | expr K_NOT? K_IN expr                                       # inExpr
  | expr K_OVERLAPS expr                                        # overlapsExpr
  | K_NOT expr                                                  # notExpr
  | expr K_AND expr                                             # andExpr
  | expr K_OR expr                                              # orExpr
  | K_IF cond=expr K_THEN a=expr K_ELSE b=expr                  # ifExpr
  ;

primary
  : literal                                                     # literalPrimary
  | K_TODAY                                                     # todayPrimary
  | ident LPAREN (expr (COMMA expr)*)? RPAREN                   # callPrimary
  | ident                                                       # namePrimary
  | LPAREN expr RPAREN                                          # parenPrimary
  | LBRACE (expr (COMMA expr)*)? COMMA? RBRACE                  # setPrimary
  | q=(K_ANY | K_NO) binding? path (K_WHERE cond=expr)?         # existsPrimary
  | K_ALL binding? path (K_WHERE filter=expr)? K_SATISFY cond=expr  # allPrimary
  | K_COUNT LPAREN binding? path (K_WHERE cond=expr)? RPAREN    # countPrimary
  ;
binding : ident K_IN ;
path    : ident (DOT ident)* ;

literal
  : number unit=(K_YEARS | K_MONTHS | K_DAYS | K_WORKING_DAYS)  # durationLiteral
  | number K_YUAN                                               # moneyLiteral
  | number                                                      # numberLiteral
  | DATE                                                        # dateLiteral
  | STRING                                                      # stringLiteral
  | K_TRUE                                                      # trueLiteral
  | K_FALSE                                                     # falseLiteral
  ;
number : INT | DECIMAL ;
text   : STRING | TEXT_BLOCK ;
// Keywords that cannot be mistaken where a name stands are also names, so
// that facts such as `year` (annual_results) keep their vocabulary spelling.
ident  : ID | softKeyword ;
softKeyword
  : K_YEARS | K_MONTHS | K_DAYS | K_WORKING_DAYS | K_SET | K_OF | K_ON | K_WITH
  | K_GIVEN | K_EXPECT | K_BECAUSE | K_DEADLINE | K_RETAIN | K_BONUS
  | K_SCORING | K_SCORE | K_MINIMUM | K_SHORTLIST | K_REPEAT
  ;
