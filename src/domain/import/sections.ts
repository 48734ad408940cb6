/**
 * The number a section heading starts with: （一）网络阵地, 二、课堂讲坛, 一 网络阵地, 第三部分 宣传阵地. A heading row under
 * it names the rows' category (extractRows); a column of such names beside the problems is the category (analyzeSheet).
 */
export const SECTION_LEAD = /^(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}(?:[、.．]|\s)|第[一二三四五六七八九十]{1,3}(?:部分|类|章|节|项))\s*/;
