// The tokens of the Award language.
//
// The block between "keywords begin" and "keywords end" is the keyword table:
// one rule per keyword, its English spelling first and its Chinese spelling
// last. The build reads this block to generate the C++ keyword table that the
// formatter, the language server, the editor grammar and the documentation use,
// so a keyword is added or renamed here and nowhere else.
//
// A Chinese keyword is a whole token: the lexer takes the longest match, so
// `要求注册地` is one name and the keyword needs a space after it (`要求 注册地`),
// while a name that merely contains a keyword (`在职人数`, `年度`) stays a name.
// No Chinese keyword is a word a measure would use as a name by itself.
lexer grammar AwardLexer;

// keywords begin
K_POLICY       : 'policy'       | '政策' ;
K_MODULE       : 'module'       | '模块' ;
K_USE          : 'use'          | '引用' ;
K_ARTICLE      : 'article'      | '条款' ;
K_ITEM         : 'item'         | '项' ;
K_AWARD        : 'award'        | '奖项' ;
K_FOR          : 'for'          | '适用于' ;
K_REQUIRE      : 'require'      | '要求' ;
K_EXCLUDE      : 'exclude'      | '排除' ;
K_JUDGEMENT    : 'judgement'    | '判断' ;
K_EXCEPT       : 'except'       | '除非' ;
K_WHEN         : 'when'         | '当' ;
K_THEN         : 'then'         | '则' ;
K_IF           : 'if'           | '如果' ;
K_ELSE         : 'else'         | '否则' ;
K_AND          : 'and'          | '并且' ;
K_OR           : 'or'           | '或者' ;
K_NOT          : 'not'          | '不' ;
K_IN           : 'in'           | '属于' ;
K_OVERLAPS     : 'overlaps'     | '包含任一' ;
K_IS           : 'is'           | '是' ;
K_SET          : 'set'          | '已填' ;
K_ANY          : 'any'          | '存在' ;
K_ALL          : 'all'          | '所有' ;
K_NO           : 'no'           | '没有' ;
K_COUNT        : 'count'        | '计数' ;
K_WHERE        : 'where'        | '其中' ;
K_SATISFY      : 'satisfy'      | '满足' ;
K_WITHIN       : 'within'       | '不超过' ;
K_BEFORE       : 'before'       | '早于' ;
K_AFTER        : 'after'        | '晚于' ;
K_TODAY        : 'today'        | '基准日' ;
K_TRUE         : 'true'         | '真' ;
K_FALSE        : 'false'        | '假' ;
K_YEARS        : 'years' | 'year'   | '年' ;
K_MONTHS       : 'months' | 'month' | '个月' ;
K_DAYS         : 'days' | 'day'     | '日' ;
K_WORKING_DAYS : 'working days' | 'working day' | 'working_days' | '工作日' ;
K_YUAN         : 'yuan'         | '元' ;
K_BONUS        : 'bonus'        | '奖金' ;
K_REVOKE       : 'revoke'       | '撤销' ;
K_DEADLINE     : 'deadline'     | '期限' ;
K_RETAIN       : 'retain'       | '保存' ;
K_ENUM         : 'enum'         | '枚举' ;
K_ORDERED      : 'ordered'      | '有序' ;
K_RECORD       : 'record'       | '记录' ;
K_LIST         : 'list'         | '列表' ;
K_OF           : 'of'           | '的' ;
K_OPTIONAL     : 'optional'     | '可选' ;
K_TEST         : 'test'         | '测试' ;
K_GIVEN        : 'given'        | '给定' ;
K_WITH         : 'with'         | '修改' ;
K_ON           : 'on'           | '于' ;
K_EXPECT       : 'expect'       | '预期' ;
K_BECAUSE      : 'because'      | '依据' ;
K_SCORING      : 'scoring'      | '评分标准' ;
K_SCORE        : 'score'        | '计分' ;
K_MINIMUM      : 'minimum'      | '最低分' ;
K_SHORTLIST    : 'shortlist'    | '现场评审名额' ;
K_REPEAT       : 'repeat'       | '再次获奖' ;
// keywords end

DATE        : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT ;
DECIMAL     : DIGIT+ '.' DIGIT+ ;
INT         : DIGIT+ ;

// (一) … (十二) with ASCII parentheses, or （一） / （3） with full-width ones.
ITEM_LABEL  : '(' CN_NUMERAL+ ')'
            | '\uFF08' (CN_NUMERAL | DIGIT)+ '\uFF09'
            ;

TEXT_BLOCK  : '"""' .*? '"""' ;
STRING      : '"' ( ESC | ~["\\\r\n] )* '"' ;
UNTERMINATED_STRING : '"' ( ESC | ~["\\\r\n] )* ;

ID          : ID_START ID_PART* ;

EQ    : '==' ;
NE    : '!=' ;
LE    : '<=' ;
GE    : '>=' ;
LT    : '<' ;
GT    : '>' ;
PLUS  : '+' ;
MINUS : '-' ;
STAR  : '*' ;
PERCENT : '%' ;
SLASH : '/' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACE : '{' ;
RBRACE : '}' ;
LBRACK : '[' ;
RBRACK : ']' ;
COMMA : ',' ;
COLON : ':' ;
SEMI  : ';' ;
DOTDOT : '..' ;
DOT   : '.' ;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
WS            : [ \t\r\n\u3000\uFEFF]+ -> channel(HIDDEN) ;

// Anything else is one bad character; the parser front end reports it.
BAD_CHAR      : . ;

fragment DIGIT      : [0-9] ;
fragment CN_NUMERAL : [一二三四五六七八九十] ;
fragment ESC        : '\\' ( ["\\/bfnrt] | 'u' HEX HEX HEX HEX ) ;
fragment HEX        : [0-9a-fA-F] ;
fragment ID_START   : [\p{L}_] ;
fragment ID_PART    : [\p{L}\p{N}_] ;
