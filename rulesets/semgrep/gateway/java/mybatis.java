// Gateway-bypass rules, MyBatis mappers: annotated test file for mybatis.yaml.
package com.example.articles;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
// ruleid: gateway-java-repository-mybatis-mapper
public interface ArticleReadService {
    ArticleData findById(@Param("id") String id);

    List<String> queryArticles(@Param("tag") String tag);
}

@org.apache.ibatis.annotations.Mapper
// ruleid: gateway-java-repository-mybatis-mapper
interface TagMapper {
    List<String> all();
}

// A same-named interface without @Mapper: a plain service interface.
// ok: gateway-java-repository-mybatis-mapper
interface ArticleQueryService {
    ArticleData findById(String id);
}

// Another package's @Mapper (MapStruct's, say) is no MyBatis mapper.
@com.acme.mapping.Mapper
// ok: gateway-java-repository-mybatis-mapper
interface ArticleConverter {
    ArticleData convert(Object source);
}

// MyBatis-Plus: a BaseMapper with or without @Mapper.
// ruleid: gateway-java-repository-mybatis-plus
interface UserMapper extends BaseMapper<User> {}

// ok: gateway-java-repository-mybatis-plus
interface OrderMapper extends com.acme.BaseMapper<Order> {}
